// Command verify checks a newsroom transparency log with Go's own code, the
// code that checks Go's checksum database: golang.org/x/mod/sumdb/note for the
// checkpoint's signature, golang.org/x/mod/sumdb/tlog for the hashes and the
// proofs. Nothing here comes from newsroom.
//
//	verify BASE_URL VERIFIER_KEY [OLDER_SIZE]
//
// It reads the latest checkpoint, every record, each record's inclusion proof
// and, for records naming a text, the text (its SHA-256 must be the one
// logged), and with OLDER_SIZE the consistency of that older checkpoint with
// the latest. It prints what it checked and exits 1 on the first failure.
package main

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "FAIL: "+format+"\n", args...)
	os.Exit(1)
}

func get(url string) (int, []byte) {
	resp, err := http.Get(url)
	if err != nil {
		fail("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		fail("GET %s: %v", url, err)
	}
	return resp.StatusCode, body
}

func getJSON(url string, into interface{}) {
	status, body := get(url)
	if status != 200 {
		fail("GET %s: status %d: %s", url, status, body)
	}
	if err := json.Unmarshal(body, into); err != nil {
		fail("GET %s: %v", url, err)
	}
}

// checkpoint opens a signed checkpoint and reads its three body lines
// (x/mod's tlog.ParseTree expects Go's own header line instead of an origin).
func checkpoint(url string, verifiers note.Verifiers) (string, int64, tlog.Hash) {
	status, body := get(url)
	if status != 200 {
		fail("GET %s: status %d", url, status)
	}
	n, err := note.Open(body, verifiers)
	if err != nil {
		fail("checkpoint %s: signature: %v", url, err)
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 {
		fail("checkpoint %s: too few lines", url)
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 1 {
		fail("checkpoint %s: size %q", url, lines[1])
	}
	root, err := tlog.ParseHash(lines[2])
	if err != nil {
		fail("checkpoint %s: root hash: %v", url, err)
	}
	return lines[0], size, root
}

func hashes(encoded []string) []tlog.Hash {
	var out []tlog.Hash
	for _, e := range encoded {
		h, err := tlog.ParseHash(e)
		if err != nil {
			fail("malformed hash %q", e)
		}
		out = append(out, h)
	}
	return out
}

type entries struct {
	Entries []struct {
		LeafIndex int64  `json:"leaf_index"`
		LeafInput string `json:"leaf_input"`
	} `json:"entries"`
}

type inclusion struct {
	LeafIndex int64    `json:"leaf_index"`
	TreeSize  int64    `json:"tree_size"`
	AuditPath []string `json:"audit_path"`
}

type consistency struct {
	Consistency []string `json:"consistency"`
}

func main() {
	if len(os.Args) < 3 {
		fail("usage: verify BASE_URL VERIFIER_KEY [OLDER_SIZE]")
	}
	base := strings.TrimRight(os.Args[1], "/") + "/transparency"
	verifier, err := note.NewVerifier(os.Args[2])
	if err != nil {
		fail("verifier key: %v", err)
	}
	verifiers := note.VerifierList(verifier)
	origin, size, root := checkpoint(base+"/checkpoint", verifiers)
	fmt.Printf("checkpoint: %s, %d records, signature good\n", origin, size)

	texts, gone := 0, 0
	for start := int64(0); start < size; {
		var page entries
		getJSON(fmt.Sprintf("%s/get-entries?start=%d&end=%d", base, start, size-1), &page)
		if len(page.Entries) == 0 {
			fail("no records from %d on", start)
		}
		for i, entry := range page.Entries {
			index := start + int64(i)
			if entry.LeafIndex != index {
				fail("record %d came as %d", index, entry.LeafIndex)
			}
			data, err := base64.StdEncoding.DecodeString(entry.LeafInput)
			if err != nil {
				fail("record %d: %v", index, err)
			}
			var proof inclusion
			getJSON(fmt.Sprintf("%s/get-proof-by-hash?leaf_index=%d&tree_size=%d", base, index, size), &proof)
			if err := tlog.CheckRecord(hashes(proof.AuditPath), size, root, index, tlog.RecordHash(data)); err != nil {
				fail("record %d is not in the signed log: %v", index, err)
			}
			fields := strings.Fields(string(data))
			if len(fields) != 5 {
				fail("record %d: %d fields", index, len(fields))
			}
			if !strings.HasPrefix(fields[4], "sha256:") {
				continue
			}
			status, text := get(fmt.Sprintf("%s/text/%d", base, index))
			if status == 410 {
				gone++
				continue
			}
			if status != 200 {
				fail("text of record %d: status %d", index, status)
			}
			sum := sha256.Sum256(text)
			if "sha256:"+hex.EncodeToString(sum[:]) != fields[4] {
				fail("record %d: the text now served (%s) is not the text logged (%s): %s",
					index, hex.EncodeToString(sum[:]), fields[4], fields[1])
			}
			texts++
		}
		start += int64(len(page.Entries))
	}
	fmt.Printf("inclusion: %d records proven; texts: %d match, %d no longer public\n", size, texts, gone)

	if len(os.Args) > 3 {
		older, err := strconv.ParseInt(os.Args[3], 10, 64)
		if err != nil {
			fail("older size %q", os.Args[3])
		}
		_, oldSize, oldRoot := checkpoint(fmt.Sprintf("%s/checkpoint/%d", base, older), verifiers)
		var proof consistency
		getJSON(fmt.Sprintf("%s/get-sth-consistency?first=%d&second=%d", base, oldSize, size), &proof)
		if err := tlog.CheckTree(hashes(proof.Consistency), size, root, oldSize, oldRoot); err != nil {
			fail("the log of %d records does not continue the log of %d: %v", size, oldSize, err)
		}
		fmt.Printf("consistency: %d records continue the signed %d\n", size, oldSize)
	}
	fmt.Println("ok")
}
