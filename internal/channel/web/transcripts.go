package web

import (
	"context"
	"time"
)

// PurgeTranscripts deletes the transcript lines older than TranscriptDays at Now.
func (s *Server) PurgeTranscripts(ctx context.Context) (int64, error) {
	if s.Transcripts == nil {
		return 0, nil
	}
	cutoff := s.now().AddDate(0, 0, -s.transcriptDays())
	return s.Transcripts.PurgeTranscripts(ctx, cutoff)
}

// RunPurger purges old transcripts at once and then every interval until ctx ends. Each run's
// count is logged; a failure is logged and retried at the next tick.
func (s *Server) RunPurger(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		n, err := s.PurgeTranscripts(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			s.log().Error("purge transcripts", "err", err)
		case n > 0:
			s.log().Info("purged old transcripts", "lines", n, "days", s.transcriptDays())
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
