package view

import "github.com/expoportal/portal/internal/store"

// SearchPage is the search form and its results, grouped by kind.
type SearchPage struct {
	*Page
	Query    string
	Searched bool // a usable query was run
	Unusable bool // the query held nothing to search for
	Kind     string
	Total    int           // matches of every kind
	Kinds    []SearchGroup // every kind with its count, for the choice of kind
	Groups   []SearchGroup // the kinds shown, with their hits
	Hits     []SearchHit   // the news shown
	AllHref  string        // every kind
	Pager    Pager         // of the kind shown alone, or of the news
}

// SearchGroup is one kind of result.
type SearchGroup struct {
	Kind, Label string
	Count       int
	Href        string // this kind alone
	Current     bool
	Items       []SearchItem // pages, exhibitors, events (news are SearchPage.Hits)
	More        bool         // Items are not all of them: Href lists the rest
}

// SearchItem is a page, an exhibitor or an event found.
type SearchItem struct {
	store.SiteHit
	Href    string
	Meta    string // booth and hall, an event's time
	Snippet []SnippetPart
}
