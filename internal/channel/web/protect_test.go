package web

import (
	"net/http/httptest"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClientIP(t *testing.T) {
	trusted, err := ParseTrustedProxies("10.0.0.0/8, 192.0.2.1")
	require.NoError(t, err)
	for _, tc := range []struct {
		name    string
		trusted []netip.Prefix
		peer    string
		xff     []string
		want    string
	}{
		{"no proxies configured: the header is ignored", nil, "10.0.0.1:5000", []string{"203.0.113.7"}, "10.0.0.1"},
		{"untrusted peer sending the header is keyed by its own address", trusted, "198.51.100.1:5000", []string{"203.0.113.7"}, "198.51.100.1"},
		{"trusted peer: the forwarded client", trusted, "10.0.0.1:5000", []string{"203.0.113.7"}, "203.0.113.7"},
		{"a bare trusted address", trusted, "192.0.2.1:5000", []string{"203.0.113.7"}, "203.0.113.7"},
		{"chain of trusted proxies is skipped", trusted, "10.0.0.1:5000", []string{"203.0.113.7, 10.1.1.1, 192.0.2.1"}, "203.0.113.7"},
		{"entries the client wrote left of its address are not believed", trusted, "10.0.0.1:5000", []string{"1.2.3.4, 203.0.113.7"}, "203.0.113.7"},
		{"several header lines read as one list", trusted, "10.0.0.1:5000", []string{"1.2.3.4", "203.0.113.7, 10.9.9.9"}, "203.0.113.7"},
		{"untrusted hop in the middle is the client", trusted, "10.0.0.1:5000", []string{"203.0.113.7, 198.51.100.5, 10.2.2.2"}, "198.51.100.5"},
		{"no header from a trusted proxy: the proxy", trusted, "10.0.0.1:5000", nil, "10.0.0.1"},
		{"a malformed hop stops the walk", trusted, "10.0.0.1:5000", []string{"203.0.113.7, not-an-ip, 10.3.3.3"}, "10.3.3.3"},
		{"IPv6 client behind an IPv4 proxy", trusted, "10.0.0.1:5000", []string{"2001:db8::1"}, "2001:db8::1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := &Server{TrustedProxies: tc.trusted}
			r := httptest.NewRequest("GET", "/api/notices", nil)
			r.RemoteAddr = tc.peer
			for _, v := range tc.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			assert.Equal(t, tc.want, s.clientIP(r))
		})
	}
}

func TestParseTrustedProxies(t *testing.T) {
	got, err := ParseTrustedProxies(" 10.0.0.0/8 ,, fd00::/8, 192.0.2.1 ")
	require.NoError(t, err)
	assert.Equal(t, []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("fd00::/8"),
		netip.MustParsePrefix("192.0.2.1/32")}, got)
	none, err := ParseTrustedProxies("")
	require.NoError(t, err)
	assert.Empty(t, none)
	_, err = ParseTrustedProxies("10.0.0.0/8, proxy.local")
	assert.ErrorContains(t, err, "proxy.local")
}
