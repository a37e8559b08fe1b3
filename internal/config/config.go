// Package config loads the portal's settings: environment first, then flags.
package config

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/mail"
	"net/netip"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
)

// Config is everything a subcommand needs to know about its surroundings.
type Config struct {
	// DatabaseURL points at an external PostgreSQL; empty means the embedded one.
	DatabaseURL string
	// Addr is where the HTTP server listens.
	Addr string
	// MetricsAddr is where Prometheus scrapes /metrics: a private address,
	// never the public one; empty means no metrics are served.
	MetricsAddr string
	// DataDir holds the embedded database cluster (DataDir/pg).
	DataDir string
	// BaseURL is the public origin used in canonical links, feeds and sitemaps.
	BaseURL string
	// BaseURLGuessed: BaseURL was not given and was made from Addr, so it
	// need not be the address visitors use (only a given one is enforced
	// as the origin of form posts).
	BaseURLGuessed bool
	// TrustedProxies are the load balancers whose X-Forwarded-For names the
	// visitor's address (for the visitor counter).
	TrustedProxies []netip.Prefix
	// SMTP, when SMTPAddr, SMTPFrom and SMTPTo are all set, e-mails the
	// organisers about each new booth application.
	SMTPAddr     string   // host:port
	SMTPFrom     string   // sender address
	SMTPTo       []string // organisers' addresses
	SMTPUser     string   // optional, with SMTPPassword: PLAIN auth over TLS or to localhost
	SMTPPassword string
	// PageCacheMB bounds the public page cache in MiB; 0 turns it off.
	PageCacheMB int
}

// SMTPEnabled reports whether notification e-mails are configured.
func (c Config) SMTPEnabled() bool { return c.SMTPAddr != "" && c.SMTPFrom != "" && len(c.SMTPTo) > 0 }

// Load reads the environment, then lets flags in args override it.
func Load(fs *flag.FlagSet, args []string, getenv func(string) string) (Config, error) {
	c := Config{
		DatabaseURL: getenv("DATABASE_URL"),
		Addr:        or(getenv("PORTAL_ADDR"), "127.0.0.1:8080"),
		MetricsAddr: getenv("PORTAL_METRICS_ADDR"),
		DataDir:     or(getenv("PORTAL_DATA_DIR"), "var"),
		BaseURL:     getenv("PORTAL_BASE_URL"),
		SMTPAddr:    getenv("PORTAL_SMTP_ADDR"),
		SMTPFrom:    getenv("PORTAL_SMTP_FROM"),
		SMTPUser:    getenv("PORTAL_SMTP_USER"),
		// The password comes from the environment only: a flag would show
		// in the process list.
		SMTPPassword: getenv("PORTAL_SMTP_PASSWORD"),
	}
	fs.StringVar(&c.DatabaseURL, "database-url", c.DatabaseURL, "PostgreSQL connection URL (env DATABASE_URL; empty: embedded database)")
	fs.StringVar(&c.Addr, "addr", c.Addr, "HTTP listen address (env PORTAL_ADDR)")
	fs.StringVar(&c.MetricsAddr, "metrics-addr", c.MetricsAddr, "private listen address for Prometheus /metrics (env PORTAL_METRICS_ADDR; empty: none)")
	fs.StringVar(&c.DataDir, "data-dir", c.DataDir, "folder for the embedded database (env PORTAL_DATA_DIR)")
	fs.StringVar(&c.BaseURL, "base-url", c.BaseURL, "public origin for absolute links, e.g. https://expo.example.org (env PORTAL_BASE_URL)")
	proxies := getenv("PORTAL_TRUSTED_PROXIES")
	fs.StringVar(&proxies, "trusted-proxies", proxies, "comma-separated addresses or CIDRs of proxies whose X-Forwarded-For is believed (env PORTAL_TRUSTED_PROXIES)")
	fs.StringVar(&c.SMTPAddr, "smtp-addr", c.SMTPAddr, "SMTP server host:port for e-mails to the organisers (env PORTAL_SMTP_ADDR; empty: none sent)")
	fs.StringVar(&c.SMTPFrom, "smtp-from", c.SMTPFrom, "sender address of those e-mails (env PORTAL_SMTP_FROM)")
	smtpTo := getenv("PORTAL_SMTP_TO")
	fs.StringVar(&smtpTo, "smtp-to", smtpTo, "comma-separated organisers' addresses (env PORTAL_SMTP_TO)")
	fs.StringVar(&c.SMTPUser, "smtp-user", c.SMTPUser, "SMTP user name, if the server wants one; the password is env PORTAL_SMTP_PASSWORD only")
	cacheMB := or(getenv("PORTAL_PAGE_CACHE_MB"), "64")
	fs.StringVar(&cacheMB, "page-cache-mb", cacheMB, "MiB of rendered public pages kept in memory; 0: none (env PORTAL_PAGE_CACHE_MB)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if n, err := strconv.Atoi(strings.TrimSpace(cacheMB)); err != nil || n < 0 || n > 1<<20 {
		return c, fmt.Errorf("PORTAL_PAGE_CACHE_MB %q: want a whole number of MiB, 0 for none", cacheMB)
	} else {
		c.PageCacheMB = n
	}
	for _, a := range strings.Split(smtpTo, ",") {
		if a = strings.TrimSpace(a); a != "" {
			c.SMTPTo = append(c.SMTPTo, a)
		}
	}
	if c.MetricsAddr != "" {
		if _, _, err := net.SplitHostPort(c.MetricsAddr); err != nil {
			return c, fmt.Errorf("PORTAL_METRICS_ADDR %q: want host:port, such as 127.0.0.1:9090", c.MetricsAddr)
		}
		if c.MetricsAddr == c.Addr {
			return c, fmt.Errorf("PORTAL_METRICS_ADDR %q is the public address: metrics need a private one", c.MetricsAddr)
		}
	}
	if c.SMTPAddr != "" {
		if _, _, err := net.SplitHostPort(c.SMTPAddr); err != nil {
			return c, fmt.Errorf("PORTAL_SMTP_ADDR %q: want host:port, such as smtp.example.org:587", c.SMTPAddr)
		}
	}
	for _, a := range append([]string{c.SMTPFrom}, c.SMTPTo...) {
		if p, err := mail.ParseAddress(a); a != "" && (err != nil || p.Address != a) {
			return c, fmt.Errorf("PORTAL_SMTP_FROM / PORTAL_SMTP_TO: %q is not a plain e-mail address", a)
		}
	}
	for _, p := range strings.Split(proxies, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if !strings.Contains(p, "/") {
			a, err := netip.ParseAddr(p)
			if err != nil {
				return c, fmt.Errorf("PORTAL_TRUSTED_PROXIES: %q is not an address or CIDR", p)
			}
			p = netip.PrefixFrom(a, a.BitLen()).String()
		}
		prefix, err := netip.ParsePrefix(p)
		if err != nil {
			return c, fmt.Errorf("PORTAL_TRUSTED_PROXIES: %q is not an address or CIDR", p)
		}
		c.TrustedProxies = append(c.TrustedProxies, prefix.Masked())
	}
	if c.BaseURL == "" {
		c.BaseURL, c.BaseURLGuessed = "http://"+publicAddr(c.Addr), true
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return c, fmt.Errorf("PORTAL_BASE_URL %q: want an absolute http(s) URL such as https://expo.example.org", c.BaseURL)
	}
	if c.DataDir == "" {
		return c, errors.New("PORTAL_DATA_DIR is empty")
	}
	abs, err := filepath.Abs(c.DataDir)
	if err != nil {
		return c, err
	}
	c.DataDir = abs
	return c, nil
}

// EmbeddedDir is the embedded cluster's folder.
func (c Config) EmbeddedDir() string { return filepath.Join(c.DataDir, "pg") }

func or(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// publicAddr turns a listen address into one a browser can open: an
// unspecified host (":8080", "0.0.0.0:8080") becomes 127.0.0.1. Production
// sets PORTAL_BASE_URL instead.
func publicAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}
