package answer

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A terminal's escape sequences are white space, all of them, not only their ESC: "[31m" left in
// "who is the \x1b[31m dpo" spoiled the question (a QA pass); and a message mostly of bytes that
// are no text is refused, while other scripts and emoji are read.
func TestCleanQuestion(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		err            error
	}{
		{"control characters and a colour", "who is the \x01\x02\x1b[31m dpo", "who is the dpo", nil},
		{"a colour reset", "\x1b[1;31mwho is the dpo\x1b[0m?", "who is the dpo ?", nil},
		{"a window title", "\x1b]0;title\awho is the dpo", "who is the dpo", nil},
		{"a title ended by ESC \\", "\x1b]2;x\x1b\\who is the dpo", "who is the dpo", nil},
		{"a character set", "\x1b(Bwho is the dpo", "who is the dpo", nil},
		{"the one-character CSI", "who is the \u009b31m dpo", "who is the dpo", nil},
		{"a lone ESC keeps the words", "who is \x1b the dpo", "who is the dpo", nil},
		{"a control sequence never ended keeps the words", "who is the dpo \x1b[", "who is the dpo", nil},
		{"a title never ended keeps the words", "\x1b]who is the dpo", "who is the dpo", nil},
		{"Urdu", "میں اپنا ڈیٹا کیسے حاصل کروں؟", "میں اپنا ڈیٹا کیسے حاصل کروں؟", nil},
		{"Chinese", "你们保存我的资料多久？", "你们保存我的资料多久？", nil},
		{"Hindi, with its marks", "मेरा डेटा कितने समय तक रखा जाता है?", "मेरा डेटा कितने समय तक रखा जाता है?", nil},
		{"emoji", "👍🙏 thanks 👩‍💻", "👍🙏 thanks 👩‍💻", nil},
		{"only emoji", "👍", "👍", nil},
		{"only control characters", "\x01\x02\x1b[31m", "", ErrEmptyQuestion},
		{"mostly invalid bytes", "dpo \xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8", "", ErrUnreadable},
		{"mostly control characters", "kill\x01\x02\x03\x04\x05\x06\x07\x08", "", ErrUnreadable},
		{"a third bytes that are no text", "call 999 help\x01\x02\x03\x04\x05\xff\xfe\xfd", "", ErrUnreadable},
		{"a stray control character", "hi\x01", "hi", nil},
		{"a Latin-1 pound sign", "do you charge \xa35 for a copy?", "do you charge 5 for a copy?", nil},
		{"private use", "\ue000\ue001\ue002\ue003\ue004 dpo", "", ErrUnreadable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := CleanQuestion(tc.in)
			if tc.err != nil {
				assert.ErrorIs(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

// Lines of random bytes (QA piped /dev/urandom into the chat) are unreadable, all but a rare short
// one.
func TestCleanQuestionRandomBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	refused := 0
	for range 200 {
		b := make([]byte, 40+rng.IntN(400))
		for i := range b {
			b[i] = byte(rng.UintN(256))
		}
		if _, err := CleanQuestion(strings.ReplaceAll(string(b), "\n", " ")); err != nil {
			refused++
		}
	}
	assert.Equal(t, 200, refused)
}
