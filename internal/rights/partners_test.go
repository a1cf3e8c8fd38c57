package rights

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// partnerReadsPost keeps a shorter list of partners than formerPartners and partners, which the
// other readings share: a former partner, an expartner or a stalker reading the post is a partner
// to abuseByAPartner, and no post read. Sharing the list would change that; until a change is
// measured for it, this pins it.
func TestPartnerReadsPostReadsFewerPartners(t *testing.T) {
	for _, who := range []string{"former partner", "expartner", "stalker"} {
		s := normalize("my " + who + " reads my post")
		assert.True(t, abuseByAPartner.MatchString(s), "%q: a partner's danger", s)
		assert.False(t, postRead(s), "%q: not in partnerReadsPost's list", s)
	}
	for _, who := range []string{"ex", "ex-partner", "partner", "husband", "wife", "boyfriend", "girlfriend", "ex-husband", "ex wife", "ex boyfriend", "ex girlfriend", "abuser"} {
		s := normalize("my " + who + " reads my post")
		assert.True(t, abuseByAPartner.MatchString(s), "%q: a partner's danger", s)
		assert.True(t, postRead(s), "%q: in partnerReadsPost's list", s)
	}
}

// givenTo reads formerPartners alone, not the partners abuseByAPartner reads beside them: an
// address sent to a husband is a misdirected letter as often as not.
func TestAnAddressIsGivenAwayToAFormerPartnerOnly(t *testing.T) {
	for _, who := range []string{"husband", "wife", "partner", "boyfriend", "girlfriend"} {
		s := normalize("the council sent my new address to my " + who)
		assert.True(t, abuseByAPartner.MatchString(s), "%q: a partner's danger", s)
		assert.False(t, givenAway(s), "%q: not given away", s)
	}
	for _, who := range []string{"ex", "ex-partner", "expartner", "former partner", "ex husband", "ex-wife", "ex boyfriend", "ex girlfriend", "abuser", "stalker", "violent husband"} {
		s := normalize("the council sent my new address to my " + who)
		assert.True(t, givenAway(s), "%q: given away", s)
	}
}
