package legacy_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"github.com/expoportal/portal/internal/paths"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/expoportal/portal/internal/legacy"
	"github.com/expoportal/portal/internal/store"
	"github.com/expoportal/portal/internal/testdb"
)

func TestMain(m *testing.M) { os.Exit(testdb.Run(m)) }

var shanghai = func() *time.Location {
	l, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		panic(err)
	}
	return l
}()

// mirror copies the sample mirror (testdata/mirror, saved with "?" in its
// names as wget --mirror does) to a temporary folder, with sep in place
// of "?": "@" is wget --restrict-file-names=windows.
func mirror(t *testing.T, sep string) string {
	t.Helper()
	dir := t.TempDir()
	src := "testdata/mirror"
	err := filepath.Walk(src, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		dst := filepath.Join(dir, strings.ReplaceAll(rel, "?", sep))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func run(t *testing.T, st *store.Store, dir string, dry bool) *legacy.Report {
	t.Helper()
	rep, err := legacy.Import(context.Background(), st, legacy.Options{Dir: dir, Lang: "zh", DryRun: dry, Location: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	rep.WriteTo(&b)
	t.Logf("report:\n%s", b.String())
	return rep
}

// fingerprint sums up every table the import may write: any write shows.
func fingerprint(t *testing.T, pool *pgxpool.Pool) string {
	t.Helper()
	var out []string
	for _, q := range []string{
		"SELECT count(*)::text || coalesce(max(updated_at)::text, '') || coalesce(sum(version)::text, '') || coalesce(sum(visits)::text, '') FROM articles",
		"SELECT count(*)::text || coalesce(max(updated_at)::text, '') FROM article_translations",
		"SELECT count(*)::text FROM article_revisions",
		"SELECT count(*)::text || coalesce(max(updated_at)::text, '') FROM pages",
		"SELECT count(*)::text || coalesce(max(updated_at)::text, '') FROM page_translations",
		"SELECT count(*)::text FROM media",
		"SELECT count(*)::text || coalesce(max(updated_at)::text, '') FROM legacy_urls",
		"SELECT count(*)::text FROM audit_log",
	} {
		var s string
		if err := pool.QueryRow(context.Background(), q).Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return strings.Join(out, "|")
}

type imported struct {
	id                        int64
	category, status          string
	released                  time.Time
	visits                    int64
	lang, title, body, source string
}

func articleAt(t *testing.T, pool *pgxpool.Pool, st *store.Store, oldPath, query string) (imported, string) {
	t.Helper()
	ctx := context.Background()
	var a imported
	var target string
	err := pool.QueryRow(ctx, `SELECT a.id, a.category, a.status, a.released_at, a.visits, t.lang, t.title, t.body, t.source, u.target
		FROM legacy_urls u JOIN articles a ON a.id = u.article_id JOIN article_translations t ON t.article_id = a.id
		WHERE u.old_key = $1`, store.LegacyKey(oldPath, query)).Scan(
		&a.id, &a.category, &a.status, &a.released, &a.visits, &a.lang, &a.title, &a.body, &a.source, &target)
	if err != nil {
		t.Fatalf("%s?%s: %v", oldPath, query, err)
	}
	return a, target
}

func TestImportSampleMirror(t *testing.T) {
	for _, sep := range []string{"?", "@"} {
		t.Run("saved with "+sep, func(t *testing.T) {
			pool := testdb.New(t)
			st := store.New(pool)
			ctx := context.Background()
			dir := mirror(t, sep)
			rep := run(t, st, dir, false)

			// The report: every file read, GBK and repaired UTF-8 told apart.
			if rep.Files != 6 || rep.Encodings[legacy.EncGBK] != 3 || rep.Encodings[legacy.EncUTF8] != 2 || rep.Repaired != 2 {
				t.Errorf("files %d, encodings %v, repaired %d", rep.Files, rep.Encodings, rep.Repaired)
			}
			if rep.Articles[store.LegacyNew] != 3 || rep.Pages[store.LegacyNew] != 1 || rep.Lists[store.LegacyNew] != 2 {
				t.Errorf("articles %v, pages %v, lists %v", rep.Articles, rep.Pages, rep.Lists)
			}
			if rep.Images != 1 || rep.ImageTypes["image/png"] != 1 || rep.Redirects != 6 || len(rep.Skipped) != 0 {
				t.Errorf("images %d %v, redirects %d, skipped %v", rep.Images, rep.ImageTypes, rep.Redirects, rep.Skipped)
			}

			// The GBK article, with its picture (a PNG named .jpg).
			a, target := articleAt(t, pool, st, "/news/news_show.asp", "id=1187")
			png, err := os.ReadFile("testdata/mirror/uploadfile/202402/20240226101530.jpg")
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(png)
			hash := hex.EncodeToString(sum[:])
			wantBody := "截至2月26日，本届展会已有186家企业预订展位，一号馆特装区预订率超过九成。\n\n" +
				"组委会提醒有意参展的企业尽早办理预订手续，标准展位数量有限。\n\n" +
				"![](/media/" + hash + ".png)"
			if a.title != "2024辽宁教育装备展展位预订火热进行中" || a.category != "expo" || a.status != "published" || a.lang != "zh" ||
				!a.released.Equal(time.Date(2024, 2, 26, 0, 0, 0, 0, shanghai)) || a.source != "展会组委会" || a.visits != 2310 || a.body != wantBody {
				t.Errorf("article 1187: %+v\nbody %q", a, a.body)
			}
			if want := "/zh" + paths.Article(a.id, store.Slug(a.title)); target != want {
				t.Errorf("1187 leads to %q, want %q", target, want)
			}
			var ct string
			var w, h int
			if err := pool.QueryRow(ctx, "SELECT content_type, width, height FROM media WHERE hash = $1", hash).Scan(&ct, &w, &h); err != nil || ct != "image/png" || w != 64 || h != 40 {
				t.Errorf("the picture: %s %dx%d, %v", ct, w, h, err)
			}

			// The mojibake article, restored.
			a, _ = articleAt(t, pool, st, "/news/news_show.asp", "id=1189")
			if a.title != "全省中小学数字校园建设推进会在锦州召开" || a.category != "industry" || a.source != "辽宁省教育厅" ||
				a.visits != 644 || !a.released.Equal(time.Date(2024, 3, 1, 0, 0, 0, 0, shanghai)) ||
				a.body != "会议总结了全省数字校园建设的阶段性成果，部署下一步重点任务。" {
				t.Errorf("article 1189: %+v", a)
			}

			// The English page: no h1, its <title> only the section's name.
			a, target = articleAt(t, pool, st, "/en/news/news_show.asp", "id=88")
			paras := strings.Split(a.body, "\n\n")
			if a.lang != "en" || a.title != "Liaoning: Accelerating the Construction of an Education Strong Province and Contributing Greater Str" ||
				a.category != "industry" || !a.released.Equal(time.Date(2024, 1, 22, 0, 0, 0, 0, shanghai)) ||
				a.source != "2024 Liaoning Education Equipment Exhibition" || a.visits != 0 || len(paras) != 8 ||
				!strings.HasPrefix(paras[0], "On January 19th, 2024, the provincial education work conference was held in Shenyang. Accelerate") ||
				!strings.HasPrefix(paras[7], "The meeting was held in the form of a video conference") ||
				strings.ContainsAny(a.body, "£º\u00a0") {
				t.Errorf("article 88: %+v\n%d paragraphs", a, len(paras))
			}
			if !strings.HasPrefix(target, "/en/news/") || !strings.HasSuffix(target, "-liaoning-accelerating-the-construction-of-an-education") {
				t.Errorf("88 leads to %q", target)
			}

			// The About page: a draft of /about/overview.
			var published bool
			var title, body string
			if err := pool.QueryRow(ctx, `SELECT p.published, t.title, t.body FROM pages p JOIN page_translations t ON t.page_id = p.id
				WHERE p.path = '/about/overview' AND t.lang = 'zh'`).Scan(&published, &title, &body); err != nil {
				t.Fatal(err)
			}
			if published || title != "展会概况" || body != "2024辽宁教育装备展由辽宁省教育装备行业协会主办，每年在沈阳举办，是东北地区规模最大的教育装备专业展会。" {
				t.Errorf("about page: published %v, %q, %q", published, title, body)
			}

			// Old addresses, as the old server read them.
			for _, c := range []struct{ path, query, want string }{
				{"/about/about.asp", "id=1", "/zh/about/overview"},
				{"/News/List.asp", "CID=2", "/zh/news/industry/"},
				{"/index.asp", "", "/zh/"},
				{"/INDEX.ASP", "", "/zh/"},
			} {
				if got, err := st.LegacyTarget(ctx, store.LegacyKey(c.path, c.query)); err != nil || got != c.want {
					t.Errorf("%s?%s -> %q (%v), want %q", c.path, c.query, got, err, c.want)
				}
			}

			// Again: nothing changes, not even a timestamp.
			before := fingerprint(t, pool)
			rep = run(t, st, dir, false)
			if rep.Written() != 0 || rep.Articles[store.LegacyUnchanged] != 3 || rep.Pages[store.LegacyUnchanged] != 1 || rep.Redirects != 6 {
				t.Errorf("second run: written %d, articles %v, pages %v", rep.Written(), rep.Articles, rep.Pages)
			}
			if after := fingerprint(t, pool); after != before {
				t.Errorf("the second run wrote:\n%s\n%s", before, after)
			}

			// Staff edit an article: the next run leaves it alone and says so.
			a, _ = articleAt(t, pool, st, "/news/news_show.asp", "id=1187")
			ed, err := st.ArticleForEdit(ctx, a.id)
			if err != nil {
				t.Fatal(err)
			}
			txt := ed.Texts["zh"]
			txt.Title = "展位预订火热进行中（编辑改过）"
			ed.Texts["zh"] = txt
			if _, err := st.SaveArticle(ctx, ed, 0, "article.update"); err != nil {
				t.Fatal(err)
			}
			rep = run(t, st, dir, false)
			if rep.Articles[store.LegacyEdited] != 1 || len(rep.LeftAlone) != 1 || !strings.Contains(rep.LeftAlone[0].Path, "1187") || rep.Written() != 0 {
				t.Errorf("after an edit: %v, left alone %v", rep.Articles, rep.LeftAlone)
			}
			if a, _ = articleAt(t, pool, st, "/news/news_show.asp", "id=1187"); a.title != "展位预订火热进行中（编辑改过）" {
				t.Errorf("the edit was overwritten: %q", a.title)
			}

			// An editor reviews the draft page and publishes it: it is theirs now.
			var pageID int64
			var version int
			if err := pool.QueryRow(ctx, "SELECT id, version FROM pages WHERE path = '/about/overview'").Scan(&pageID, &version); err != nil {
				t.Fatal(err)
			}
			if err := st.UpdatePage(ctx, pageID, version, true, []store.PageText{{Lang: "zh", Title: "展会概况", Body: "编辑改写的概况。"}}, 0); err != nil {
				t.Fatal(err)
			}
			rep = run(t, st, dir, false)
			if rep.Pages[store.LegacyEdited] != 1 || len(rep.LeftAlone) != 2 || rep.Written() != 0 {
				t.Errorf("after the page's review: %v, left alone %v", rep.Pages, rep.LeftAlone)
			}
			if err := pool.QueryRow(ctx, `SELECT p.published, t.body FROM pages p JOIN page_translations t ON t.page_id = p.id
				WHERE p.id = $1 AND t.lang = 'zh'`, pageID).Scan(&published, &body); err != nil || !published || body != "编辑改写的概况。" {
				t.Errorf("the reviewed page: published %v, %q, %v", published, body, err)
			}
		})
	}
}

func TestImportDryRunWritesNothing(t *testing.T) {
	pool := testdb.New(t)
	st := store.New(pool)
	before := fingerprint(t, pool)
	rep := run(t, st, mirror(t, "?"), true)
	if rep.Articles[store.LegacyNew] != 3 || rep.Pages[store.LegacyNew] != 1 || rep.Images != 1 || rep.Redirects != 6 {
		t.Errorf("dry run reports %v %v, %d images, %d redirects", rep.Articles, rep.Pages, rep.Images, rep.Redirects)
	}
	if after := fingerprint(t, pool); after != before {
		t.Errorf("the dry run wrote:\n%s\n%s", before, after)
	}
}

func TestImportOwnSamplesAndBadFiles(t *testing.T) {
	pool := testdb.New(t)
	st := store.New(pool)
	dir := t.TempDir()
	article := func(title, date, more string) string {
		return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>` + title + `-旧站</title></head><body>
<div class="weizhi">您现在的位置：<a href="/">首页</a> - <a href="/news/list.asp?cid=5">图文报道</a></div>
<h1>` + title + `</h1><div>发布时间：` + date + `&nbsp;&nbsp;来源：组委会&nbsp;&nbsp;浏览次数：12</div>
<div><p>　　` + title + `的正文。</p>` + more + `</div></body></html>`
	}
	// A picture a script served (saved with its query in the name, like a
	// page), and one the mirror lacks.
	img := image.NewRGBA(image.Rect(0, 0, 8, 6))
	var pic bytes.Buffer
	if err := png.Encode(&pic, img); err != nil {
		t.Fatal(err)
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(article("𠮷林展商参观㐀馆", "2023.11.02",
		`<p><img src="../showpic.asp?id=3" alt="展馆"></p><p><img src="/uploadfile/missing.jpg"></p>`)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"news/show.asp@id=1": gb,
		"news/show.asp@id=2": append([]byte{0xEF, 0xBB, 0xBF}, article("带BOM的UTF-8页面", "2023-11-03", "")...),
		"showpic.asp@id=3":   pic.Bytes(),
		"news/show.asp@id=3": []byte("\x00\x01PK binary"),
		"news/show.asp@id=4": []byte(article("被截断的页面", "2023-11-04", ""))[:200],
		"news/show.asp@id=5": []byte("<html><body>\x80\xff\x80\xff\x81</body></html>"),
		"news/show.asp@id=6": []byte("<html><body><p>no heading, no breadcrumb</p></body></html>"),
	}
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep := run(t, st, dir, false)
	if rep.Encodings[legacy.EncGB18030] != 1 || rep.Encodings[legacy.EncUTF8BOM] != 1 || rep.Articles[store.LegacyNew] != 2 {
		t.Errorf("encodings %v, articles %v", rep.Encodings, rep.Articles)
	}
	want := map[string]string{
		"news/show.asp@id=1": "image /uploadfile/missing.jpg",
		"news/show.asp@id=3": "not HTML",
		"news/show.asp@id=4": "truncated",
		"news/show.asp@id=5": "undecodable",
		"news/show.asp@id=6": "no title",
	}
	if len(rep.Skipped) != len(want) {
		t.Errorf("skipped %v", rep.Skipped)
	}
	for _, s := range rep.Skipped {
		if !strings.HasPrefix(s.Reason, want[s.Path]) || want[s.Path] == "" {
			t.Errorf("%s skipped for %q, want %q", s.Path, s.Reason, want[s.Path])
		}
	}
	sum := sha256.Sum256(pic.Bytes())
	for q, c := range map[string]struct{ title, more string }{
		"id=1": {"𠮷林展商参观㐀馆", "\n\n![展馆](/media/" + hex.EncodeToString(sum[:]) + ".png)"},
		"id=2": {"带BOM的UTF-8页面", ""},
	} {
		a, _ := articleAt(t, pool, st, "/news/show.asp", q)
		if a.title != c.title || a.category != "photo" || a.body != c.title+"的正文。"+c.more || a.visits != 12 {
			t.Errorf("%s: %+v", q, a)
		}
	}
	var n int
	if err := pool.QueryRow(context.Background(), "SELECT count(*) FROM articles").Scan(&n); err != nil || n != 2 {
		t.Errorf("%d articles (%v): a bad file half-written?", n, err)
	}
}
