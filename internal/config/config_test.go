package config

import (
	"flag"
	"io"
	"slices"
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	for _, tc := range []struct {
		name    string
		env     map[string]string
		args    []string
		wantErr bool
		addr    string
		base    string
		dbURL   string
	}{
		{name: "defaults", addr: "127.0.0.1:8080", base: "http://127.0.0.1:8080"},
		{name: "env", env: map[string]string{"PORTAL_ADDR": "127.0.0.1:9000", "DATABASE_URL": "postgres://x/y"}, addr: "127.0.0.1:9000", base: "http://127.0.0.1:9000", dbURL: "postgres://x/y"},
		{name: "flag beats env", env: map[string]string{"PORTAL_ADDR": "127.0.0.1:9000"}, args: []string{"-addr", "127.0.0.1:9001"}, addr: "127.0.0.1:9001", base: "http://127.0.0.1:9001"},
		{name: "all interfaces", env: map[string]string{"PORTAL_ADDR": "0.0.0.0:8080"}, addr: "0.0.0.0:8080", base: "http://127.0.0.1:8080"},
		{name: "port only", env: map[string]string{"PORTAL_ADDR": ":8080"}, addr: ":8080", base: "http://127.0.0.1:8080"},
		{name: "base url trimmed", env: map[string]string{"PORTAL_BASE_URL": "https://expo.example.org/"}, addr: "127.0.0.1:8080", base: "https://expo.example.org"},
		{name: "base url flag", args: []string{"-base-url", "https://expo.example.org"}, addr: "127.0.0.1:8080", base: "https://expo.example.org"},
		{name: "bad base url", env: map[string]string{"PORTAL_BASE_URL": "expo.example.org"}, wantErr: true},
		{name: "ftp base url", env: map[string]string{"PORTAL_BASE_URL": "ftp://expo.example.org"}, wantErr: true},
		{name: "bad proxy", env: map[string]string{"PORTAL_TRUSTED_PROXIES": "10.0.0.0/8, not-an-ip"}, wantErr: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			c, err := Load(fs, tc.args, func(k string) string { return tc.env[k] })
			if tc.wantErr {
				if err == nil {
					t.Fatal("no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Addr != tc.addr || c.BaseURL != tc.base || c.DatabaseURL != tc.dbURL {
				t.Errorf("got addr %q base %q db %q", c.Addr, c.BaseURL, c.DatabaseURL)
			}
			if given := tc.env["PORTAL_BASE_URL"] != "" || slices.Contains(tc.args, "-base-url"); c.BaseURLGuessed == given {
				t.Errorf("base URL %q: guessed %v", c.BaseURL, c.BaseURLGuessed)
			}
			if c.EmbeddedDir() == "" || c.EmbeddedDir()[0] != '/' {
				t.Errorf("embedded dir %q is not absolute", c.EmbeddedDir())
			}
		})
	}
}

func TestTrustedProxies(t *testing.T) {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	c, err := Load(fs, nil, func(k string) string {
		return map[string]string{"PORTAL_TRUSTED_PROXIES": " 10.0.0.0/8, 192.168.1.7 ,::1"}[k]
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range c.TrustedProxies {
		got = append(got, p.String())
	}
	if strings.Join(got, " ") != "10.0.0.0/8 192.168.1.7/32 ::1/128" {
		t.Errorf("proxies %v", got)
	}
}

func TestSMTPSettings(t *testing.T) {
	load := func(env map[string]string, args ...string) (Config, error) {
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		return Load(fs, args, func(k string) string { return env[k] })
	}
	c, err := load(map[string]string{})
	if err != nil || c.SMTPEnabled() {
		t.Errorf("no SMTP settings: enabled %v, %v", c.SMTPEnabled(), err)
	}
	c, err = load(map[string]string{"PORTAL_SMTP_ADDR": "smtp.example.org:587", "PORTAL_SMTP_FROM": "portal@example.org",
		"PORTAL_SMTP_TO": " a@example.org, b@example.org ,", "PORTAL_SMTP_PASSWORD": "pw"}, "-smtp-user", "portal")
	if err != nil || !c.SMTPEnabled() || strings.Join(c.SMTPTo, "|") != "a@example.org|b@example.org" || c.SMTPUser != "portal" || c.SMTPPassword != "pw" {
		t.Errorf("SMTP settings: %+v, %v", c, err)
	}
	for _, env := range []map[string]string{
		{"PORTAL_SMTP_ADDR": "smtp.example.org"}, // no port
		{"PORTAL_SMTP_ADDR": "smtp.example.org:25", "PORTAL_SMTP_FROM": "Portal <portal@example.org>", "PORTAL_SMTP_TO": "a@example.org"},
		{"PORTAL_SMTP_ADDR": "smtp.example.org:25", "PORTAL_SMTP_FROM": "portal@example.org", "PORTAL_SMTP_TO": "a@example.org, not an address"},
	} {
		if _, err := load(env); err == nil {
			t.Errorf("%v accepted", env)
		}
	}
}

func TestMetricsAddr(t *testing.T) {
	load := func(env map[string]string, args ...string) (Config, error) {
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		return Load(fs, args, func(k string) string { return env[k] })
	}
	for _, tc := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, nil, ""}, // off
		{map[string]string{"PORTAL_METRICS_ADDR": "127.0.0.1:9090"}, nil, "127.0.0.1:9090"},
		{map[string]string{"PORTAL_METRICS_ADDR": "127.0.0.1:9090"}, []string{"-metrics-addr", "10.1.2.3:9100"}, "10.1.2.3:9100"},
	} {
		if c, err := load(tc.env, tc.args...); err != nil || c.MetricsAddr != tc.want {
			t.Errorf("%v %v: metrics addr %q, %v; want %q", tc.env, tc.args, c.MetricsAddr, err, tc.want)
		}
	}
	for _, env := range []map[string]string{
		{"PORTAL_METRICS_ADDR": "9090"},                                            // no host:port
		{"PORTAL_ADDR": "127.0.0.1:8080", "PORTAL_METRICS_ADDR": "127.0.0.1:8080"}, // the public address
	} {
		if _, err := load(env); err == nil {
			t.Errorf("%v accepted", env)
		}
	}
}
