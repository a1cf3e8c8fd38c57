// Package editdist measures how far apart two words are, for reading what people mistype: a
// question's "complant", a council's "Bukcs", a name's "Jnae", a flag's "--recieved". It imports
// nothing but the language: the domain and the channels both use it.
package editdist

// Distance is the optimal string alignment distance between a and b: how many letters must be
// added, taken out, changed or swapped with their neighbour to make a into b, each counting one
// ("Bukcs" is one from "Bucks", where counting a swap as two changes would make it two). Letters
// are runes, not bytes: "Zoë" is three.
func Distance(a, b string) int {
	return Runes([]rune(a), []rune(b))
}

// Runes is Distance of words already split into runes.
func Runes(a, b []rune) int {
	prev2, prev, cur := make([]int, len(b)+1), make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
