-- A request from a chat that read a risk to someone's safety (and gave the safeguarding contacts)
-- is flagged, so the queue, its filters and the CSV show it, not only the note in the request's
-- text. The flag says that much, nothing of what was said. Cases filed before it have the chat's
-- note as their description's first line ("Note from the chat: " and dpo.SafeguardingNote): they
-- are flagged by it; every other case keeps false.
ALTER TABLE cases ADD COLUMN safeguarding INTEGER NOT NULL DEFAULT 0;
UPDATE cases SET safeguarding = 1
WHERE substr(description, 1, length('Note from the chat: In this conversation the requester said something the chat read as a risk to someone''s safety, and was given the safeguarding contacts (see the conversation excerpt).')) = 'Note from the chat: In this conversation the requester said something the chat read as a risk to someone''s safety, and was given the safeguarding contacts (see the conversation excerpt).';
