package static

import (
	"io/fs"
	"strings"
	"testing"
)

// TestStylesheetsBalance catches a rule block left open (by a merge, say),
// which silently swallows every rule after it.
func TestStylesheetsBalance(t *testing.T) {
	err := fs.WalkDir(files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".css") {
			return err
		}
		b, err := fs.ReadFile(files, path)
		if err != nil {
			return err
		}
		depth := 0
		for i, line := range strings.Split(string(b), "\n") {
			depth += strings.Count(line, "{") - strings.Count(line, "}")
			if depth < 0 {
				t.Errorf("%s:%d: a } closes nothing", path, i+1)
				depth = 0
			}
			if strings.HasPrefix(line, "/* ----") && depth != 0 {
				t.Errorf("%s:%d: a section starts inside an open block", path, i+1)
			}
		}
		if depth != 0 {
			t.Errorf("%s: %d blocks left open", path, depth)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
