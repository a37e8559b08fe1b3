package store

// The domain's words, typed, so a misspelt status or role is a compile
// error rather than a row the database refuses (or, worse, accepts).

// ArticleStatus is where an article is in its life.
type ArticleStatus string

// Article statuses (the articles.status check constraint).
const (
	Draft     ArticleStatus = "draft"
	Scheduled ArticleStatus = "scheduled"
	Published ArticleStatus = "published"
)

// ArticleStatuses lists the article statuses, in the order of an article's life.
var ArticleStatuses = []ArticleStatus{Draft, Scheduled, Published}

// ApplicationStatus is where a booth application is in the organisers'
// workflow (ApplicationStatuses lists them in order).
type ApplicationStatus string

// Application statuses.
const (
	AppNew       ApplicationStatus = "new"
	AppContacted ApplicationStatus = "contacted"
	AppApproved  ApplicationStatus = "approved"
	AppRejected  ApplicationStatus = "rejected"
	AppWithdrawn ApplicationStatus = "withdrawn"
)
