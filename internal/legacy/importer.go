package legacy

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/expoportal/portal/internal/paths"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/expoportal/portal/internal/media"
	"github.com/expoportal/portal/internal/store"
)

// maxFile bounds a file read from the mirror: an old page is kilobytes, an
// uploaded photo a few megabytes.
const maxFile = 32 << 20

// Options says what to import and how.
type Options struct {
	Dir      string         // the mirror's root: the old site's /
	Lang     string         // the language of pages outside an en/ or zh/ folder
	DryRun   bool           // read and decide everything, write nothing
	Location *time.Location // the expo's time zone, for release dates
	Progress io.Writer      // a terminal for a progress bar, or nil
}

// Skip is a file the import could not use, and why.
type Skip struct{ Path, Reason string }

// Report is what a run did (or, dry, would do).
type Report struct {
	DryRun        bool
	Files         int
	Encodings     map[string]int // HTML files by the encoding found
	Repaired      int            // files with double-encoded text restored
	RepairedChars int
	Articles      map[store.LegacyOutcome]int
	Pages         map[store.LegacyOutcome]int
	Lists         map[store.LegacyOutcome]int
	Images        int // distinct images the imported bodies use
	ImageTypes    map[string]int
	Redirects     int // old addresses that answer 301 after the run
	Skipped       []Skip
	LeftAlone     []Skip // imported before, changed by staff since
}

// Written is how many articles, pages and redirects the run wrote (or
// would write): 0 on a rerun over an unchanged mirror.
func (r *Report) Written() int {
	n := 0
	for _, m := range []map[store.LegacyOutcome]int{r.Articles, r.Pages, r.Lists} {
		n += m[store.LegacyNew] + m[store.LegacyUpdated]
	}
	return n
}

// Import walks the mirror and imports what it can. A bad file is skipped
// and reported; only a failing database stops the run (each article is
// its own transaction, so a rerun picks up where it stopped).
func Import(ctx context.Context, st *store.Store, o Options) (*Report, error) {
	if o.Lang == "" {
		o.Lang = "zh"
	}
	if o.Location == nil {
		o.Location = time.UTC
	}
	rep := &Report{DryRun: o.DryRun, Encodings: map[string]int{}, Articles: map[store.LegacyOutcome]int{},
		Pages: map[store.LegacyOutcome]int{}, Lists: map[store.LegacyOutcome]int{}, ImageTypes: map[string]int{}}
	var files []string
	err := filepath.WalkDir(o.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	nav, err := st.NavPaths(ctx)
	if err != nil {
		return nil, err
	}
	im := &importer{st: st, o: o, rep: rep, nav: nav, images: map[string]imageRef{}}
	asp := false
	for i, p := range files {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		rel := filepath.ToSlash(must(filepath.Rel(o.Dir, p)))
		if o.Progress != nil {
			progress(o.Progress, i, len(files), rel)
		}
		asp = asp || strings.Contains(strings.ToLower(rel), ".asp")
		if err := im.file(ctx, p, rel); err != nil {
			return rep, err
		}
	}
	// The old home page, which brochures print, whether or not the mirror
	// saved it under that name.
	if asp {
		if err := im.redirect(ctx, "/index.asp", "home", o.Lang, "/"+o.Lang+"/"); err != nil {
			return rep, err
		}
	}
	if o.Progress != nil {
		progress(o.Progress, len(files), len(files), "")
		fmt.Fprintln(o.Progress)
	}
	sort.Slice(rep.Skipped, func(i, j int) bool { return rep.Skipped[i].Path < rep.Skipped[j].Path })
	return rep, nil
}

func must[T any](v T, _ error) T { return v }

// progress draws "[=====     ]  12/40 news/news_show.asp?id=1187" over
// itself.
func progress(w io.Writer, done, total int, name string) {
	const width = 30
	n := width
	if total > 0 {
		n = done * width / total
	}
	if len(name) > 40 {
		name = "…" + name[len(name)-39:]
	}
	fmt.Fprintf(w, "\r[%s%s] %d/%d %-40s", strings.Repeat("=", n), strings.Repeat(" ", width-n), done, total, name)
}

type importer struct {
	st     *store.Store
	o      Options
	rep    *Report
	nav    map[string]string
	images map[string]imageRef // by mirror path
}

type imageRef struct {
	url  string // "" when it could not be used
	data []byte
	err  error
}

// OldURL is the address a mirror's file was saved from: wget keeps the
// query in the name, after "?" or, with --restrict-file-names=windows,
// "@"; with --adjust-extension it adds ".html" after the query.
func OldURL(rel string) (p, rawQuery string) {
	dir, name := path.Split(rel)
	if i := strings.IndexAny(name, "?@"); i > 0 && strings.Contains(name[:i], ".") {
		name, rawQuery = name[:i], name[i+1:]
		rawQuery = strings.TrimSuffix(rawQuery, ".html")
	}
	return "/" + dir + name, rawQuery
}

func (im *importer) skip(rel, reason string) {
	im.rep.Skipped = append(im.rep.Skipped, Skip{rel, reason})
}

func (im *importer) file(ctx context.Context, p, rel string) error {
	im.rep.Files++
	raw, err := readFile(p)
	if err != nil {
		im.skip(rel, err.Error())
		return nil
	}
	if strings.HasPrefix(http.DetectContentType(raw), "image/") {
		return nil // used if a page shows it
	}
	if !looksHTML(raw) {
		im.skip(rel, ErrNotHTML.Error())
		return nil
	}
	d, err := Decode(raw)
	if err != nil {
		im.skip(rel, err.Error())
		return nil
	}
	if !closed(raw) {
		im.skip(rel, ErrTruncated.Error()+": the page ends before </body> or </html>")
		return nil
	}
	im.rep.Encodings[d.Encoding]++
	if d.Repaired > 0 {
		im.rep.Repaired++
		im.rep.RepairedChars += d.Repaired
	}
	e, err := Extract(d.Text)
	if err != nil {
		im.skip(rel, err.Error())
		return nil
	}
	oldPath, query := OldURL(rel)
	oldURL := oldPath
	if query != "" {
		oldURL += "?" + query
	}
	lang := im.o.Lang
	switch strings.ToLower(strings.SplitN(rel, "/", 2)[0]) {
	case "en", "english", "eng":
		lang = "en"
	case "zh", "cn", "chinese", "gb":
		lang = "zh"
	}
	base := strings.ToLower(path.Base(oldPath))
	if query == "" && (strings.HasPrefix(base, "index.") || strings.HasPrefix(base, "default.")) &&
		(path.Dir(oldPath) == "/" || path.Dir(oldPath) == "/"+lang) {
		return im.redirect(ctx, oldURL, "home", lang, "/"+lang+"/")
	}
	switch {
	case e.Date != "" && e.Title != "":
		if e.Category == "" {
			im.skip(rel, "an article without a news category in its breadcrumb")
			return nil
		}
		return im.article(ctx, rel, oldURL, lang, e)
	case im.pagePath(e) != "":
		if e.Title == "" {
			im.skip(rel, ErrNoTitle.Error())
			return nil
		}
		return im.page(ctx, rel, oldURL, lang, im.pagePath(e), e)
	case e.Category != "":
		return im.redirect(ctx, oldURL, "list", lang, "/"+lang+"/news/"+e.Category+"/")
	case e.Title == "":
		im.skip(rel, ErrNoTitle.Error())
	default:
		im.skip(rel, "neither an article, a news list nor a page the portal has")
	}
	return nil
}

// pagePath is the portal page an old page is: by its title or the last
// entry of its breadcrumb, named as in the portal's menu.
func (im *importer) pagePath(e Extracted) string {
	if p := im.nav[normName(e.Title)]; p != "" {
		return p
	}
	if n := len(e.Crumbs); n > 0 {
		return im.nav[normName(e.Crumbs[n-1])]
	}
	return ""
}

func readFile(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxFile {
		return nil, fmt.Errorf("larger than %d MB", maxFile>>20)
	}
	if len(b) == 0 {
		return nil, errors.New("empty")
	}
	return b, nil
}

// looksHTML: a page names an HTML element near its start; a binary file
// (a NUL byte) never is one.
func looksHTML(raw []byte) bool {
	head := bytes.ToLower(raw[:min(len(raw), 2048)])
	if bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	for _, tag := range []string{"<html", "<!doctype html", "<head", "<body", "<title", "<p", "<div", "<table"} {
		if bytes.Contains(head, []byte(tag)) {
			return true
		}
	}
	return false
}

// closed says whether the page got to its end: a download cut short has
// no </body> and no </html>.
func closed(raw []byte) bool {
	tail := bytes.ToLower(raw[max(0, len(raw)-4096):])
	return bytes.Contains(tail, []byte("</html")) || bytes.Contains(tail, []byte("</body"))
}

func (im *importer) redirect(ctx context.Context, oldURL, kind, lang, target string) error {
	p, q, _ := strings.Cut(oldURL, "?")
	o, err := im.st.ImportLegacyRedirect(ctx, store.LegacyRedirect{Key: store.LegacyKey(p, q), OldURL: oldURL,
		Lang: lang, Kind: kind, Target: target}, im.o.DryRun)
	if err != nil {
		return err
	}
	im.rep.Lists[o]++
	im.rep.Redirects++
	return nil
}

// image reads a picture the body uses from the mirror, by the address the
// page gave it, and says where it will be served.
func (im *importer) image(ctx context.Context, pageURL, src string) imageRef {
	u, err := url.Parse(strings.TrimSpace(src))
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") {
		return imageRef{err: fmt.Errorf("image %q: not an address", src)}
	}
	base, _ := url.Parse(pageURL)
	p := base.ResolveReference(&url.URL{Path: u.Path, RawQuery: u.RawQuery}).Path
	file := filepath.Join(im.o.Dir, filepath.FromSlash(strings.TrimPrefix(path.Clean(p), "/")))
	if ref, ok := im.images[file]; ok {
		return ref
	}
	ref := imageRef{}
	data, err := readFile(file)
	// A picture served by a script (showpic.asp?id=3) was saved with its
	// query in the name, as pages are.
	for _, sep := range []string{"?", "@"} {
		if err == nil || u.RawQuery == "" {
			break
		}
		data, err = readFile(file + sep + u.RawQuery)
	}
	if err == nil {
		var pi media.ProcessedImage
		if pi, err = media.ProcessImage(ctx, data); err == nil {
			sum := sha256.Sum256(pi.Original.Data)
			ref.url, ref.data = paths.Media(hex.EncodeToString(sum[:]), pi.Original.ContentType), data
			im.rep.Images++
			im.rep.ImageTypes[pi.Original.ContentType]++
		}
	}
	if err != nil {
		ref.err = fmt.Errorf("image %s: %w", p, err)
	}
	im.images[file] = ref
	return ref
}

func digest(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// body writes the Markdown and lists the images it needs stored.
func (im *importer) body(ctx context.Context, rel, oldURL string, blocks []Block) (string, [][]byte) {
	var need [][]byte
	md := Markdown(blocks, func(src string) string {
		ref := im.image(ctx, oldURL, src)
		if ref.err != nil {
			im.skip(rel, ref.err.Error())
			return ""
		}
		need = append(need, ref.data)
		return ref.url
	})
	return md, need
}

func (im *importer) saveImages(ctx context.Context, need [][]byte) error {
	for _, data := range need {
		if _, err := media.SaveImage(ctx, im.st, data); err != nil {
			return err
		}
	}
	return nil
}

func (im *importer) article(ctx context.Context, rel, oldURL, lang string, e Extracted) error {
	day, err := time.ParseInLocation("2006-01-02", e.Date, im.o.Location)
	if err != nil {
		im.skip(rel, "release date "+e.Date+": "+err.Error())
		return nil
	}
	md, need := im.body(ctx, rel, oldURL, e.Body)
	p, q, _ := strings.Cut(oldURL, "?")
	a := store.LegacyArticle{Key: store.LegacyKey(p, q), OldURL: oldURL, Lang: lang, Category: e.Category,
		ReleasedAt: day, Title: e.Title, Body: md, Source: e.Source, Visits: e.Visits}
	a.Digest = digest("article", lang, e.Category, e.Date, e.Title, md, e.Source, strconv.FormatInt(e.Visits, 10))
	// Decided first without writing: a rerun stores no image again either.
	outcome, err := im.st.PlanLegacyArticle(ctx, a.Key, a.Digest)
	if err == nil && !im.o.DryRun && outcome.Writes() {
		if err := im.saveImages(ctx, need); err != nil {
			return err
		}
		outcome, _, err = im.st.ImportLegacyArticle(ctx, a)
	}
	if err != nil {
		return err
	}
	im.rep.Articles[outcome]++
	im.outcome(rel, outcome, "")
	return nil
}

func (im *importer) page(ctx context.Context, rel, oldURL, lang, portalPath string, e Extracted) error {
	md, need := im.body(ctx, rel, oldURL, e.Body)
	p, q, _ := strings.Cut(oldURL, "?")
	pg := store.LegacyPage{Key: store.LegacyKey(p, q), OldURL: oldURL, Lang: lang, Path: portalPath, Title: e.Title, Body: md}
	pg.Digest = digest("page", lang, portalPath, e.Title, md)
	outcome, err := im.st.PlanLegacyPage(ctx, pg)
	if err == nil && !im.o.DryRun && (outcome.Writes() || outcome == store.LegacyKept) {
		if outcome.Writes() {
			if err := im.saveImages(ctx, need); err != nil {
				return err
			}
		}
		outcome, err = im.st.ImportLegacyPage(ctx, pg)
	}
	if err != nil {
		return err
	}
	im.rep.Pages[outcome]++
	im.outcome(rel, outcome, portalPath)
	return nil
}

// outcome notes what was left alone, and counts the redirects that answer.
func (im *importer) outcome(rel string, o store.LegacyOutcome, target string) {
	switch o {
	case store.LegacyEdited:
		im.rep.LeftAlone = append(im.rep.LeftAlone, Skip{rel, "changed by staff since it was imported"})
	case store.LegacyDeleted:
		im.rep.LeftAlone = append(im.rep.LeftAlone, Skip{rel, "deleted by staff since it was imported"})
		return // its address leads nowhere now
	case store.LegacyKept:
		im.rep.LeftAlone = append(im.rep.LeftAlone, Skip{rel, "the portal has a page at " + target + " already: kept it, the old address leads there"})
	}
	im.rep.Redirects++
}

// WriteTo prints the report for people.
func (r *Report) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	if r.DryRun {
		b.WriteString("dry run: nothing was written\n")
	}
	fmt.Fprintf(&b, "files read      %d\n", r.Files)
	encs := make([]string, 0, len(r.Encodings))
	for e := range r.Encodings {
		encs = append(encs, e)
	}
	sort.Strings(encs)
	for _, e := range encs {
		fmt.Fprintf(&b, "  %-14s %d\n", e, r.Encodings[e])
	}
	fmt.Fprintf(&b, "repaired        %d files (%d characters of double-encoded GBK)\n", r.Repaired, r.RepairedChars)
	fmt.Fprintf(&b, "articles        %s\n", outcomes(r.Articles, r.DryRun))
	fmt.Fprintf(&b, "pages (drafts)  %s\n", outcomes(r.Pages, r.DryRun))
	fmt.Fprintf(&b, "lists, home     %s\n", outcomes(r.Lists, r.DryRun))
	types := make([]string, 0, len(r.ImageTypes))
	for t, n := range r.ImageTypes {
		types = append(types, fmt.Sprintf("%s %d", t, n))
	}
	sort.Strings(types)
	fmt.Fprintf(&b, "images          %d", r.Images)
	if len(types) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(types, ", "))
	}
	b.WriteString("\n")
	verb := "answer"
	if r.DryRun {
		verb = "would answer"
	}
	fmt.Fprintf(&b, "redirects       %d old addresses %s 301\n", r.Redirects, verb)
	if r.Written() == 0 {
		b.WriteString("nothing changed\n")
	}
	fmt.Fprintf(&b, "skipped         %d\n", len(r.Skipped))
	for _, s := range r.Skipped {
		fmt.Fprintf(&b, "  %s: %s\n", s.Path, s.Reason)
	}
	if len(r.LeftAlone) > 0 {
		fmt.Fprintf(&b, "left alone      %d\n", len(r.LeftAlone))
		for _, s := range r.LeftAlone {
			fmt.Fprintf(&b, "  %s: %s\n", s.Path, s.Reason)
		}
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

func outcomes(m map[store.LegacyOutcome]int, dry bool) string {
	var parts []string
	for _, o := range []store.LegacyOutcome{store.LegacyNew, store.LegacyUpdated, store.LegacyUnchanged,
		store.LegacyEdited, store.LegacyDeleted, store.LegacyKept} {
		if m[o] == 0 {
			continue
		}
		word := string(o)
		if dry && o.Writes() {
			word = "to be " + word
		}
		switch o {
		case store.LegacyEdited, store.LegacyDeleted:
			word += " by staff (left alone)"
		case store.LegacyKept:
			word = "kept (the portal's page was there)"
		}
		parts = append(parts, fmt.Sprintf("%d %s", m[o], word))
	}
	if len(parts) == 0 {
		return "0"
	}
	return strings.Join(parts, ", ")
}
