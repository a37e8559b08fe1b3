package main

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/expoportal/portal/internal/db"
	"github.com/expoportal/portal/internal/notify/notifytest"
	"github.com/expoportal/portal/internal/testdb"
)

// An application acknowledged just before the portal is killed (kill -9)
// still reaches the organisers: its e-mail was written as a job with it,
// and the next start sends it. The mail server refuses every attempt while
// the first process runs, so the e-mail that arrives can only have been
// sent by the second, which meets one refusal too and tries again.
func TestApplicationEmailSurvivesKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the portal")
	}
	bin := filepath.Join(t.TempDir(), "portal")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dbURL := testdb.ConnString(t)
	smtp := notifytest.Start(t)
	smtp.FailNext(1 << 30)
	addr := freeAddr(t)
	base := "http://" + addr
	start := func(name string) *exec.Cmd {
		cmd := exec.Command(bin, "serve")
		cmd.Env = append(os.Environ(), "DATABASE_URL="+dbURL, "PORTAL_ADDR="+addr, "PORTAL_BASE_URL=",
			"PORTAL_SMTP_ADDR="+smtp.Addr, "PORTAL_SMTP_FROM=portal@expo.example.org", "PORTAL_SMTP_TO=booths@expo.example.org")
		logFile, err := os.Create(filepath.Join(t.TempDir(), name+".log"))
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stdout, cmd.Stderr = logFile, logFile
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			_ = cmd.Process.Kill()
			_, _ = cmd.Process.Wait()
			if t.Failed() {
				b, _ := os.ReadFile(logFile.Name())
				t.Logf("%s's log:\n%s", name, b)
			}
		})
		deadline := time.Now().Add(90 * time.Second)
		for {
			if res, err := http.Get(base + "/readyz"); err == nil {
				res.Body.Close()
				if res.StatusCode == http.StatusOK {
					return cmd
				}
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s never became ready", name)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}

	first := start("first")
	status, page := browse(base + "/zh/exhibit/apply")
	m := regexp.MustCompile(`name="form_started" value="([^"]+)"`).FindStringSubmatch(page)
	if status != http.StatusOK || m == nil {
		t.Fatalf("the form: %d, stamp %v", status, m)
	}
	time.Sleep(3200 * time.Millisecond) // the form's shortest fill time
	form := url.Values{
		"company_zh": {"沈阳博文教学设备有限公司"}, "company_en": {"Shenyang Bowen Teaching Equipment Co., Ltd."},
		"contact": {"王丽"}, "mobile": {"138 1234 5678"}, "email": {"wang.li@bowen.example.cn"}, "country": {"CN"},
		"categories": {"stem"}, "booth_type": {"standard"}, "area": {"18"},
		"form_started": {m[1]}, "homepage": {""},
	}
	req, _ := http.NewRequest(http.MethodPost, base+"/zh/exhibit/apply", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", base)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the application: %d, want 303", res.StatusCode)
	}
	// Acknowledged: now the process dies without any chance to clean up.
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_, _ = first.Process.Wait()
	select {
	case msg := <-smtp.Messages:
		t.Fatalf("sent before the kill despite the refusals: %q", msg.Subject)
	default:
	}
	// The job outlived the process, with the refusals it met.
	ctx := context.Background()
	pool, err := db.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	var jobs int
	if err := pool.QueryRow(ctx, "SELECT count(*) FROM river_job WHERE kind = 'email' AND state <> 'completed'").Scan(&jobs); err != nil {
		t.Fatal(err)
	}
	if jobs != 1 {
		t.Fatalf("%d e-mail jobs waiting after the kill, want 1", jobs)
	}
	// The next attempt is refused too, so the second process shows river's
	// retry with backoff as well.
	refused := smtp.Refused()
	smtp.FailNext(1)

	start("second")
	select {
	case msg := <-smtp.Messages:
		if !strings.HasPrefix(msg.Subject, "新展位申请 ") || !strings.Contains(msg.Subject, "沈阳博文教学设备有限公司") {
			t.Errorf("subject %q", msg.Subject)
		}
	case <-time.After(150 * time.Second):
		t.Fatal("the e-mail of the acknowledged application never arrived after the restart")
	}
	var attempts int
	var state string
	deadline := time.Now().Add(10 * time.Second)
	for state != "completed" && time.Now().Before(deadline) {
		_ = pool.QueryRow(ctx, "SELECT attempt, state FROM river_job WHERE kind = 'email'").Scan(&attempts, &state)
		time.Sleep(100 * time.Millisecond)
	}
	// One more attempt when the kill cut one short mid-send: that job is
	// taken up again after RescueStuckJobsAfter.
	if state != "completed" || attempts < refused+2 || attempts > refused+3 || smtp.Refused() != refused+1 {
		t.Errorf("job %s after %d attempts (%d refused); want completed after %d refused and 1 taken", state, attempts, smtp.Refused(), refused+1)
	}
	t.Logf("attempts refused while the first process ran: %d; delivered by the second on attempt %d", refused, attempts)
}
