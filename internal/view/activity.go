package view

import (
	"strings"
)

// The audit log keeps what happened as the code's own words: an action
// ("login", "application.status"), a subject ("article 12", an e-mail, a
// reference) and a summary of stored values ("new -> withdrawn", "status
// draft -> published"). They are put in the reader's language here, when
// shown, so every row (old ones too) reads in each staff member's own
// language; a word the catalog does not know is shown as stored.

// AuditAction names an audit action in the page's language.
func (a *Admin) AuditAction(action string) string {
	if key := "audit.action." + action; known(a, key) {
		return a.T(key)
	}
	return action
}

// known reports whether the catalog has key. A key is looked up by
// printing it, so one holding a % (stored text) is never asked for.
func known(a *Admin, key string) bool {
	return !strings.Contains(key, "%") && a.T(key) != key
}

// auditKinds are the subjects written as "kind id-or-path".
var auditKinds = []string{"article", "exhibitor", "event", "page", "old address"}

// AuditSubject puts the kind word of a subject ("article 12") in the
// page's language; e-mails, references and booth numbers stay as stored.
func (a *Admin) AuditSubject(subject string) string {
	for _, k := range auditKinds {
		if rest, ok := strings.CutPrefix(subject, k+" "); ok {
			return a.T("audit.subject."+strings.ReplaceAll(k, " ", "_"), rest)
		}
	}
	return subject
}

// auditWordKeys are where a stored value's label is looked up, in order:
// application and article statuses, roles, news categories, then the
// summaries' own words.
var auditWordKeys = []string{"apply.status.", "admin.status.", "admin.role.", "admin.cat.", "audit.word."}

// AuditSummary puts the stored values and the few words of a summary in
// the page's language, word by word: "new -> withdrawn" reads
// "新申请 -> 已撤回". Titles and other typed text stay as typed.
func (a *Admin) AuditSummary(summary string) string {
	if summary == "" {
		return ""
	}
	if key := "audit.word." + strings.ReplaceAll(summary, " ", "_"); known(a, key) {
		return a.T(key) // a whole summary that is a phrase: "no change"
	}
	words := strings.Split(summary, " ")
	quoted := false
	for i, w := range words {
		// A quoted title may hold any word: leave it as typed.
		if strings.HasPrefix(w, `"`) {
			quoted = true
		}
		if !quoted {
			// The word as written first ("new:" opens a new article's
			// summary), then without its punctuation ("draft,").
			if key := "audit.word." + w; known(a, key) {
				words[i] = a.T(key)
				continue
			}
			core := strings.TrimRight(w, ",;:")
			for _, prefix := range auditWordKeys {
				if key := prefix + core; core != "" && known(a, key) {
					words[i] = a.T(key) + w[len(core):]
					break
				}
			}
		}
		if quoted && strings.HasSuffix(strings.TrimRight(w, ",;:"), `"`) && (len(w) > 1 || !strings.HasPrefix(w, `"`)) {
			quoted = false
		}
	}
	return strings.Join(words, " ")
}
