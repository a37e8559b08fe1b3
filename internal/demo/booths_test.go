package demo

import (
	"testing"
)

// TestSampleHallsAreConsistent checks the sample hall map: every sample
// exhibitor's booth is on it and sold, free booths in both halls and
// both types, unique numbers, no booth overlapping another or out of its
// hall, whole-metre booths of 3 m × 3 m or raw islands from 6 m × 6 m to
// 9 m × 12 m.
func TestSampleHallsAreConsistent(t *testing.T) {
	plans, booths := sampleBooths()
	size := map[string][2]int{}
	for _, p := range plans {
		size[p.Hall] = [2]int{p.Width, p.Depth}
		for _, e := range p.Entrances {
			wall := p.Width
			if e.Side == "w" || e.Side == "e" {
				wall = p.Depth
			}
			if e.At+e.Width > wall {
				t.Errorf("hall %s: door %+v off the wall", p.Hall, e)
			}
		}
	}
	byNumber := map[string]int{}
	free := map[string]int{}
	for i, b := range booths {
		if _, dup := byNumber[b.Number]; dup {
			t.Errorf("%s twice", b.Number)
		}
		byNumber[b.Number] = i
		s, ok := size[b.Hall]
		if !ok || b.X < 0 || b.Y < 0 || b.X+b.Width > s[0] || b.Y+b.Depth > s[1] {
			t.Errorf("%s lies outside hall %s", b.Number, b.Hall)
		}
		if b.Number[:1] != b.Hall {
			t.Errorf("%s is in hall %s", b.Number, b.Hall)
		}
		switch b.Type {
		case "standard":
			if b.Width != 3 || b.Depth != 3 {
				t.Errorf("%s: standard booth %d×%d", b.Number, b.Width, b.Depth)
			}
		case "raw":
			if a := b.Width * b.Depth; min(b.Width, b.Depth) < 6 || a > 108 {
				t.Errorf("%s: island %d×%d", b.Number, b.Width, b.Depth)
			}
		default:
			t.Errorf("%s: type %q", b.Number, b.Type)
		}
		if b.Status == "available" {
			free[b.Hall+b.Type]++
		}
		for _, o := range booths[:i] {
			if o.Hall == b.Hall && o.X < b.X+b.Width && b.X < o.X+o.Width && o.Y < b.Y+b.Depth && b.Y < o.Y+o.Depth {
				t.Errorf("%s overlaps %s", b.Number, o.Number)
			}
		}
	}
	for _, e := range sampleExhibitors {
		i, ok := byNumber[e.Booth]
		if !ok {
			t.Errorf("exhibitor booth %s is not on the map", e.Booth)
		} else if booths[i].Status != "sold" {
			t.Errorf("exhibitor booth %s is %s", e.Booth, booths[i].Status)
		}
	}
	sold := 0
	for _, b := range booths {
		if b.Status == "sold" {
			sold++
		}
	}
	if sold != len(sampleExhibitors) {
		t.Errorf("%d booths sold for %d exhibitors", sold, len(sampleExhibitors))
	}
	for _, k := range []string{"1standard", "1raw", "2standard", "2raw"} {
		if free[k] < 3 {
			t.Errorf("only %d free %s booths", free[k], k)
		}
	}
}
