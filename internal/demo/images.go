package demo

import (
	"bytes"
	"hash/fnv"
	"image"
	"image/jpeg"
	"math"
	"slices"
	"strings"
	"sync"
)

// demoImage returns a JPEG (quality 85) of an abstract illustration for key,
// width×height pixels. The same key always gives the same picture; the
// palette and the layout are derived from a hash of the key, and the scene (an
// exhibition hall, a classroom, a lab, a stage...) from a word in the key when
// it names one. Sizes are clamped to 1..4096 pixels on each side.
func demoImage(key string, width, height int) []byte {
	width = clampInt(width, 1, 4096)
	height = clampInt(height, 1, 4096)
	h := fnv.New64a()
	h.Write([]byte(key))
	seed := h.Sum64()
	r := &rng{state: seed}
	c := newCanvas(width, height)
	p := newPalette(r)
	pickScene(key, seed)(c, p, r)
	var buf bytes.Buffer
	buf.Grow(width*height/6 + 4096)
	err := jpeg.Encode(&buf, c.img, &jpeg.Options{Quality: 85})
	c.release()
	if err != nil {
		// Encoding to memory only fails on an invalid image, which newCanvas
		// never makes.
		panic("demo: jpeg: " + err.Error())
	}
	return buf.Bytes()
}

// sceneFunc paints one kind of picture over the whole canvas.
type sceneFunc func(c *canvas, p palette, r *rng)

// sceneWords maps words that may occur in a key to the scene they suggest; the
// first match wins.
var sceneWords = []struct {
	words []string
	scene sceneFunc
}{
	{[]string{"forum", "stage", "press", "conference", "ceremony", "opening", "award", "meeting", "speech"}, sceneStage},
	{[]string{"lab", "science", "chem", "experiment", "safety"}, sceneLab},
	{[]string{"robot", "stem", "maker", "coding", "vocational", "training"}, sceneStem},
	{[]string{"sport", "gym", "fitness", "track", "playground", "athlet"}, sceneSport},
	{[]string{"library", "book", "read", "publish"}, sceneLibrary},
	{[]string{"classroom", "school", "smart", "digital", "teach", "lesson"}, sceneClassroom},
	{[]string{"hall", "booth", "expo", "exhibit", "floor", "layout", "visitor"}, sceneHall},
	{[]string{"abstract"}, sceneAbstract},
}

func pickScene(key string, seed uint64) sceneFunc {
	k := strings.ToLower(key)
	for _, sw := range sceneWords {
		for _, w := range sw.words {
			if strings.Contains(k, w) {
				return sw.scene
			}
		}
	}
	return sceneWords[seed%uint64(len(sceneWords))].scene
}

// rng is splitmix64: small, fast and the same on every platform.
type rng struct{ state uint64 }

func (r *rng) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// float returns a number in [0, 1).
func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// between returns a number in [lo, hi).
func (r *rng) between(lo, hi float64) float64 { return lo + (hi-lo)*r.float() }

func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

type rgb struct{ r, g, b float64 } // 0..255

func (a rgb) mix(b rgb, t float64) rgb {
	return rgb{a.r + (b.r-a.r)*t, a.g + (b.g-a.g)*t, a.b + (b.b-a.b)*t}
}

// hsl converts a hue in degrees, saturation and lightness in 0..1.
func hsl(h, s, l float64) rgb {
	h = math.Mod(h, 360)
	if h < 0 {
		h += 360
	}
	c := (1 - math.Abs(2*l-1)) * s
	x := c * (1 - math.Abs(math.Mod(h/60, 2)-1))
	m := l - c/2
	var r, g, b float64
	switch {
	case h < 60:
		r, g, b = c, x, 0
	case h < 120:
		r, g, b = x, c, 0
	case h < 180:
		r, g, b = 0, c, x
	case h < 240:
		r, g, b = 0, x, c
	case h < 300:
		r, g, b = x, 0, c
	default:
		r, g, b = c, 0, x
	}
	return rgb{(r + m) * 255, (g + m) * 255, (b + m) * 255}
}

type palette struct {
	bg0, bg1         rgb // background gradient, darker and lighter
	ground0, ground1 rgb // floor or ground, far and near
	accent           [4]rgb
	light, dark      rgb
	hue              float64
}

func newPalette(r *rng) palette {
	schemes := [][4]float64{
		{0, 30, 60, -30},   // analogous
		{0, 180, 30, 210},  // complementary pairs
		{0, 120, 240, 60},  // triad
		{0, 150, 210, 40},  // split complementary
		{0, -40, 140, 200}, // mixed
	}
	h := r.float() * 360
	sc := schemes[r.intn(len(schemes))]
	sat := r.between(0.5, 0.75)
	var p palette
	p.hue = h
	for i, off := range sc {
		p.accent[i] = hsl(h+off, sat, r.between(0.5, 0.62))
	}
	bgHue := h + r.between(150, 210)
	p.bg0 = hsl(bgHue, r.between(0.3, 0.5), r.between(0.14, 0.22))
	p.bg1 = hsl(bgHue+r.between(-30, 30), r.between(0.35, 0.55), r.between(0.38, 0.5))
	p.ground0 = hsl(bgHue+10, 0.18, 0.32)
	p.ground1 = hsl(bgHue+10, 0.22, 0.5)
	p.light = hsl(h+30, 0.35, 0.93)
	p.dark = hsl(bgHue, 0.35, 0.1)
	return p
}

// canvas draws anti-aliased shapes into an RGBA image. Shapes are filled row by
// row: pixels wholly inside a shape are filled as a span, and only those on its
// edge get a coverage of their own.
type canvas struct {
	img    *image.RGBA
	w, h   int
	fw, fh float64
}

// pixPool keeps pixel buffers between calls: a full-size picture is several
// megabytes, and clearing a fresh one costs as much as drawing half a scene.
var pixPool sync.Pool

// newCanvas returns a canvas whose pixels are undefined until gradient, which
// every scene starts with, fills them.
func newCanvas(w, h int) *canvas {
	n := w * h * 4
	var pix []uint8
	if b, ok := pixPool.Get().(*[]uint8); ok && cap(*b) >= n {
		pix = (*b)[:n]
	} else {
		pix = make([]uint8, n)
	}
	img := &image.RGBA{Pix: pix, Stride: w * 4, Rect: image.Rect(0, 0, w, h)}
	return &canvas{img: img, w: w, h: h, fw: float64(w), fh: float64(h)}
}

// release hands the canvas's pixels back to the pool.
func (c *canvas) release() {
	pix := c.img.Pix
	c.img = nil
	pixPool.Put(&pix)
}

// s scales a length given as a fraction of the shorter side.
func (c *canvas) s(f float64) float64 { return f * math.Min(c.fw, c.fh) }

// ink is a colour with its opacity, ready for integer blending.
type ink struct {
	r, g, b int32
	a       int32 // 0..256
	solid   bool
}

func newInk(col rgb, a float64) ink {
	return ink{
		r: int32(col.r + 0.5), g: int32(col.g + 0.5), b: int32(col.b + 0.5),
		a:     int32(clamp01(a)*256 + 0.5),
		solid: a >= 0.999,
	}
}

// plot blends one pixel with the ink at coverage cov (0..1).
func (c *canvas) plot(x, y int, k ink, cov float64) {
	i := y*c.img.Stride + x*4
	p := c.img.Pix[i : i+3 : i+3]
	a := int32(float64(k.a)*cov + 0.5)
	p[0] = uint8(int32(p[0]) + (k.r-int32(p[0]))*a>>8)
	p[1] = uint8(int32(p[1]) + (k.g-int32(p[1]))*a>>8)
	p[2] = uint8(int32(p[2]) + (k.b-int32(p[2]))*a>>8)
}

// fill blends the pixels [x0, x1) of row y with the ink at full coverage.
func (c *canvas) fill(y, x0, x1 int, k ink) {
	x0, x1 = max(x0, 0), min(x1, c.w)
	if x0 >= x1 || y < 0 || y >= c.h {
		return
	}
	row := c.img.Pix[y*c.img.Stride+x0*4 : y*c.img.Stride+x1*4]
	if k.solid {
		r, g, b := uint8(k.r), uint8(k.g), uint8(k.b)
		for i := 0; i+3 < len(row); i += 4 {
			row[i], row[i+1], row[i+2] = r, g, b
		}
		return
	}
	a := k.a
	for i := 0; i+3 < len(row); i += 4 {
		row[i] = uint8(int32(row[i]) + (k.r-int32(row[i]))*a>>8)
		row[i+1] = uint8(int32(row[i+1]) + (k.g-int32(row[i+1]))*a>>8)
		row[i+2] = uint8(int32(row[i+2]) + (k.b-int32(row[i+2]))*a>>8)
	}
}

// span returns the pixel range [lo, hi) covering [a, b) clipped to n.
func span(a, b float64, n int) (int, int) {
	lo := int(math.Max(math.Floor(a), 0))
	hi := int(math.Min(math.Ceil(b), float64(n)))
	return lo, hi
}

// inner returns the pixels whose centres lie within [a, b], clipped to n.
func inner(a, b float64, n int) (int, int) {
	lo := int(math.Max(math.Ceil(a-0.5), 0))
	hi := int(math.Min(math.Floor(b-0.5)+1, float64(n)))
	return lo, hi
}

// edgeRow draws the pixels [xl, xh) of row y: those in [fl, fh) are wholly
// covered, and the others get the coverage that cov computes from the pixel
// centre's x.
func (c *canvas) edgeRow(y, xl, xh, fl, fh int, k ink, cov func(px float64) float64) {
	if fl >= fh {
		fl, fh = xh, xh
	}
	fl, fh = max(fl, xl), min(fh, xh)
	for x := xl; x < fl; x++ {
		if v := cov(float64(x) + 0.5); v > 0 {
			c.plot(x, y, k, min(v, 1))
		}
	}
	c.fill(y, fl, fh, k)
	for x := max(fh, xl); x < xh; x++ {
		if v := cov(float64(x) + 0.5); v > 0 {
			c.plot(x, y, k, min(v, 1))
		}
	}
}

// gradient fills the whole canvas, opaque, from c0 to c1 along the direction
// angle (radians, 0 = left to right, π/2 = top to bottom).
func (c *canvas) gradient(c0, c1 rgb, angle float64) {
	const steps = 1024
	var lut [steps][4]uint8
	for i := range lut {
		col := c0.mix(c1, float64(i)/(steps-1))
		lut[i] = [4]uint8{uint8(col.r + 0.5), uint8(col.g + 0.5), uint8(col.b + 0.5), 255}
	}
	dx, dy := math.Cos(angle), math.Sin(angle)
	ext := math.Abs(dx)*c.fw/2 + math.Abs(dy)*c.fh/2
	if ext == 0 {
		ext = 1
	}
	// t*(steps-1) at a pixel, and its step from one pixel to the next.
	scale := (steps - 1) * 0.5 / ext
	step := dx * scale
	for y := 0; y < c.h; y++ {
		py := float64(y) + 0.5 - c.fh/2
		v := ((0.5-c.fw/2)*dx+py*dy)*scale + (steps-1)*0.5
		row := c.img.Pix[y*c.img.Stride : y*c.img.Stride+c.w*4]
		for x := 0; x < c.w; x++ {
			i := int(v + 0.5)
			if i < 0 {
				i = 0
			} else if i >= steps {
				i = steps - 1
			}
			copy(row[x*4:x*4+4], lut[i][:])
			v += step
		}
	}
}

// vgradRect fills a rectangle with a top-to-bottom gradient.
func (c *canvas) vgradRect(x0, y0, x1, y1 float64, c0, c1 rgb, a float64) {
	xl, xh := span(x0, x1, c.w)
	yl, yh := span(y0, y1, c.h)
	for y := yl; y < yh; y++ {
		t := clamp01((float64(y) + 0.5 - y0) / (y1 - y0))
		c.fill(y, xl, xh, newInk(c0.mix(c1, t), a))
	}
}

// roundRect fills a rectangle with rounded corners of radius rad.
func (c *canvas) roundRect(x0, y0, x1, y1, rad float64, col rgb, a float64) {
	if x1 < x0 {
		x0, x1 = x1, x0
	}
	if y1 < y0 {
		y0, y1 = y1, y0
	}
	k := newInk(col, a)
	cx, cy := (x0+x1)/2, (y0+y1)/2
	hx, hy := (x1-x0)/2, (y1-y0)/2
	rad = math.Max(0, math.Min(rad, math.Min(hx, hy)))
	xl, xh := span(x0-1, x1+1, c.w)
	yl, yh := span(y0-1, y1+1, c.h)
	var qy float64
	cov := func(px float64) float64 {
		qx := math.Abs(px-cx) - hx + rad
		var d float64
		if qx > 0 && qy > 0 {
			d = math.Sqrt(qx*qx+qy*qy) - rad
		} else {
			d = math.Max(qx, qy) - rad
		}
		return 0.5 - d
	}
	for y := yl; y < yh; y++ {
		qy = math.Abs(float64(y)+0.5-cy) - hy + rad
		// Half the width of the wholly covered part of the row.
		iw := -1.0
		switch {
		case qy > rad-0.5:
		case qy <= 0:
			iw = hx - 0.5
		default:
			iw = hx - rad + math.Sqrt((rad-0.5)*(rad-0.5)-qy*qy)
		}
		fl, fh := 0, 0
		if iw >= 0 {
			fl, fh = inner(cx-iw, cx+iw, c.w)
		}
		c.edgeRow(y, xl, xh, fl, fh, k, cov)
	}
}

func (c *canvas) rect(x0, y0, x1, y1 float64, col rgb, a float64) {
	c.roundRect(x0, y0, x1, y1, 0, col, a)
}

// circle fills a disc.
func (c *canvas) circle(cx, cy, rad float64, col rgb, a float64) {
	c.ring(cx, cy, rad/2, rad/2, col, a)
}

// ring fills the band between the radii mid-half and mid+half; with
// mid == half it is a disc.
func (c *canvas) ring(cx, cy, mid, half float64, col rgb, a float64) {
	k := newInk(col, a)
	outer, hole := mid+half+0.5, mid-half-0.5     // any coverage between these
	fullOut, fullIn := mid+half-0.5, mid-half+0.5 // full coverage between these
	// chord returns the half-width of the circle of radius rad on the row, or
	// -1 where the row misses it.
	var dy2 float64
	chord := func(rad float64) float64 {
		if rad <= 0 || rad*rad <= dy2 {
			return -1
		}
		return math.Sqrt(rad*rad - dy2)
	}
	cov := func(px float64) float64 {
		dx := px - cx
		return 0.5 - (math.Abs(math.Sqrt(dx*dx+dy2)-mid) - half)
	}
	yl, yh := span(cy-outer, cy+outer, c.h)
	for y := yl; y < yh; y++ {
		dy := float64(y) + 0.5 - cy
		dy2 = dy * dy
		ow := chord(outer)
		if ow < 0 {
			continue
		}
		xl, xh := span(cx-ow, cx+ow, c.w)
		hw, fo, fi := chord(hole), chord(fullOut), math.Max(chord(fullIn), 0)
		// The left part ends, and the right one starts, at the hole or else
		// at the centre.
		le := int(math.Ceil(cx - 0.5))
		rs := le
		if hw >= 0 {
			le = int(math.Ceil(cx - hw - 0.5))
			rs = int(math.Floor(cx+hw-0.5)) + 1
		}
		le, rs = max(min(le, xh), xl), min(max(rs, xl), xh)
		var ll, lh, rl, rh int
		if fo >= fi {
			ll, lh = inner(cx-fo, cx-fi, c.w)
			rl, rh = inner(cx+fi, cx+fo, c.w)
		}
		c.edgeRow(y, xl, le, ll, lh, k, cov)
		c.edgeRow(y, rs, xh, rl, rh, k, cov)
	}
}

// glow paints a soft disc that fades out towards its rim.
func (c *canvas) glow(cx, cy, rad float64, col rgb, a float64) {
	if rad <= 0 {
		return
	}
	k := newInk(col, a)
	ka := float64(k.a)
	yl, yh := span(cy-rad, cy+rad, c.h)
	inv := 1 / (rad * rad)
	for y := yl; y < yh; y++ {
		dy := float64(y) + 0.5 - cy
		w := math.Sqrt(math.Max(rad*rad-dy*dy, 0))
		xl, xh := span(cx-w, cx+w, c.w)
		if xl >= xh {
			continue
		}
		row := c.img.Pix[y*c.img.Stride+xl*4 : y*c.img.Stride+xh*4]
		// t = 1 - (dx²+dy²)/rad², stepped along the row.
		dx := float64(xl) + 0.5 - cx
		t := 1 - (dx*dx+dy*dy)*inv
		dt := -(2*dx + 1) * inv
		for i := 0; i+3 < len(row); i += 4 {
			if t > 0 {
				al := int32(ka * t * t)
				row[i] = uint8(int32(row[i]) + (k.r-int32(row[i]))*al>>8)
				row[i+1] = uint8(int32(row[i+1]) + (k.g-int32(row[i+1]))*al>>8)
				row[i+2] = uint8(int32(row[i+2]) + (k.b-int32(row[i+2]))*al>>8)
			}
			t += dt
			dt -= 2 * inv
		}
	}
}

type pt struct{ x, y float64 }

// poly fills a convex polygon.
func (c *canvas) poly(pts []pt, col rgb, a float64) {
	n := len(pts)
	if n < 3 {
		return
	}
	area := 0.0
	for i := range n {
		j := (i + 1) % n
		area += pts[i].x*pts[j].y - pts[j].x*pts[i].y
	}
	if area == 0 {
		return
	}
	sign := 1.0
	if area < 0 {
		sign = -1
	}
	k := newInk(col, a)
	// Each edge as nx*x + ny*y + k: the distance inside the polygon.
	type edge struct{ nx, ny, k float64 }
	edges := make([]edge, 0, n)
	minY, maxY := math.Inf(1), math.Inf(-1)
	for i := range n {
		p, q := pts[i], pts[(i+1)%n]
		ex, ey := q.x-p.x, q.y-p.y
		l := math.Hypot(ex, ey)
		minY, maxY = math.Min(minY, p.y), math.Max(maxY, p.y)
		if l == 0 {
			continue
		}
		nx, ny := -ey/l*sign, ex/l*sign
		edges = append(edges, edge{nx, ny, -(nx*p.x + ny*p.y)})
	}
	// xrange returns where every edge's distance exceeds limit on row py.
	xrange := func(py, limit float64) (lo, hi float64) {
		lo, hi = math.Inf(-1), math.Inf(1)
		for _, e := range edges {
			rest := limit - e.ny*py - e.k
			switch {
			case e.nx > 1e-12:
				lo = math.Max(lo, rest/e.nx)
			case e.nx < -1e-12:
				hi = math.Min(hi, rest/e.nx)
			case rest > 0:
				return 1, 0
			}
		}
		return lo, hi
	}
	var py float64
	cov := func(px float64) float64 {
		d := math.Inf(1)
		for _, e := range edges {
			d = math.Min(d, e.nx*px+e.ny*py+e.k)
		}
		return 0.5 + d
	}
	yl, yh := span(minY-1, maxY+1, c.h)
	for y := yl; y < yh; y++ {
		py = float64(y) + 0.5
		lo, hi := xrange(py, -0.5)
		if lo >= hi {
			continue
		}
		xl, xh := span(lo-0.5, hi+0.5, c.w)
		fl, fh := 0, 0
		if ilo, ihi := xrange(py, 0.5); ilo <= ihi {
			fl, fh = inner(ilo, ihi, c.w)
		}
		c.edgeRow(y, xl, xh, fl, fh, k, cov)
	}
}

// line draws a segment of the given width.
func (c *canvas) line(x0, y0, x1, y1, width float64, col rgb, a float64) {
	l := math.Hypot(x1-x0, y1-y0)
	if l == 0 {
		return
	}
	nx, ny := -(y1-y0)/l*width/2, (x1-x0)/l*width/2
	c.poly([]pt{{x0 + nx, y0 + ny}, {x1 + nx, y1 + ny}, {x1 - nx, y1 - ny}, {x0 - nx, y0 - ny}}, col, a)
}

// rotRect fills a w×h rectangle centred on (cx, cy), turned by angle.
func (c *canvas) rotRect(cx, cy, w, h, angle float64, col rgb, a float64) {
	co, si := math.Cos(angle), math.Sin(angle)
	var pts [4]pt
	for i, d := range [4][2]float64{{-1, -1}, {1, -1}, {1, 1}, {-1, 1}} {
		x, y := d[0]*w/2, d[1]*h/2
		pts[i] = pt{cx + x*co - y*si, cy + x*si + y*co}
	}
	c.poly(pts[:], col, a)
}

// stripes paints parallel bands across a rectangle: period apart, a fraction
// duty of it wide, running across the direction angle.
func (c *canvas) stripes(x0, y0, x1, y1, period, duty, angle float64, col rgb, a float64) {
	if period <= 0 {
		return
	}
	k := newInk(col, a)
	xl, xh := span(x0, x1, c.w)
	yl, yh := span(y0, y1, c.h)
	dx, dy := math.Cos(angle), math.Sin(angle)
	band := period * duty
	// dist is how far inside its band a point at s lies (negative outside).
	dist := func(s float64) float64 {
		s -= period * math.Floor(s/period)
		if s < band {
			return math.Min(s, band-s)
		}
		return -math.Min(s-band, period-s)
	}
	for y := yl; y < yh; y++ {
		py := float64(y) + 0.5
		if math.Abs(dx) < 1e-9 {
			// Bands along the rows: one coverage for the whole row.
			if cov := 0.5 + dist(py*dy); cov > 0 {
				c.fill(y, xl, xh, newInk(col, a*min(cov, 1)))
			}
			continue
		}
		cov := func(px float64) float64 { return 0.5 + dist(px*dx+py*dy) }
		// The bands k whose reach s in (k*period-0.5, k*period+band+0.5)
		// meets the row between xl and xh.
		sa, sb := (float64(xl)+0.5)*dx+py*dy, (float64(xh)-0.5)*dx+py*dy
		if sa > sb {
			sa, sb = sb, sa
		}
		for n := math.Floor((sa - band - 0.5) / period); n*period-0.5 <= sb; n++ {
			s0 := n * period
			// From s to px: px = (s - py*dy) / dx.
			ax, bx := (s0-0.5-py*dy)/dx, (s0+band+0.5-py*dy)/dx
			fa, fb := (s0+0.5-py*dy)/dx, (s0+band-0.5-py*dy)/dx
			if ax > bx {
				ax, bx, fa, fb = bx, ax, fb, fa
			}
			el, eh := span(ax-0.5, bx+0.5, c.w)
			el, eh = max(el, xl), min(eh, xh)
			fl, fh := 0, 0
			if fa <= fb {
				fl, fh = inner(fa, fb, c.w)
			}
			c.edgeRow(y, el, eh, fl, fh, k, cov)
		}
	}
}

// person paints a simple visitor: a head and shoulders, of height h standing
// on (x, y).
func (c *canvas) person(x, y, h float64, body, head rgb, a float64) {
	c.roundRect(x-h*0.2, y-h*0.68, x+h*0.2, y, h*0.16, body, a)
	c.circle(x, y-h*0.84, h*0.14, head, a)
}

func sceneHall(c *canvas, p palette, r *rng) {
	W, H := c.fw, c.fh
	horizon := H * r.between(0.46, 0.56)
	vx := W * r.between(0.4, 0.6)
	c.gradient(p.bg0, p.bg1, math.Pi/2)
	// Roof trusses and lamps.
	for i := range 5 {
		y := H * (0.03 + 0.055*float64(i))
		c.rect(0, y, W, y+math.Max(1, H*0.006), p.light, 0.1)
	}
	for i := range 7 {
		x := W * (0.06 + 0.147*float64(i))
		c.glow(x, H*0.1, c.s(0.12), p.light, 0.35)
		c.circle(x, H*0.1, c.s(0.012), p.light, 0.95)
	}
	// Floor with perspective lines.
	c.vgradRect(0, horizon, W, H, p.ground0, p.ground1, 1)
	for i := -8; i <= 16; i++ {
		xb := W * float64(i) / 8
		w := c.s(0.006)
		c.poly([]pt{{vx, horizon}, {xb + w, H}, {xb - w, H}}, p.light, 0.1)
	}
	for k := 1; k < 9; k++ {
		t := float64(k) / 9
		y := horizon + (H-horizon)*t*t
		c.rect(0, y, W, y+math.Max(1, c.s(0.003)*(1+4*t)), p.light, 0.08)
	}
	// Two rows of booths, far to near.
	for side := range 2 {
		dir := -1.0
		if side == 1 {
			dir = 1
		}
		n := 4 + r.intn(2)
		for i := range n {
			t := 0.25 + 0.75*float64(i)/float64(n-1)
			base := horizon + (H*0.97-horizon)*t
			bh := (base - horizon) * 1.35
			bw := W * 0.23 * t
			x0 := vx + dir*(W*0.06+W*0.5*t*t)
			x1 := x0 + dir*bw
			col := p.accent[(i+side)%4]
			wall := col.mix(p.light, 0.55)
			c.roundRect(x0, base-bh, x1, base, c.s(0.006), wall, 1)
			c.rect(x0, base-bh, x1, base-bh*0.82, col, 1)
			c.rect(x0, base-bh*0.82, x1, base-bh*0.79, p.dark, 0.25)
			cx := (x0 + x1) / 2
			c.circle(cx, base-bh*0.55, bh*0.12, p.accent[(i+side+2)%4], 0.9)
			c.roundRect(x0+dir*bw*0.15, base-bh*0.3, x1-dir*bw*0.15, base, bh*0.02, p.light, 0.95)
			c.rect(x0+dir*bw*0.15, base-bh*0.3, x1-dir*bw*0.15, base-bh*0.26, col, 0.9)
		}
	}
	// Banners hanging over the aisle.
	for i := range 3 {
		t := 0.3 + 0.3*float64(i)
		bx := vx + W*r.between(-0.12, 0.12)*t
		bw, bh := W*0.05*t+c.s(0.02), H*0.16*t+c.s(0.03)
		col := p.accent[(i+1)%4]
		c.line(bx, 0, bx, H*0.12, math.Max(1, c.s(0.002)), p.light, 0.35)
		c.roundRect(bx-bw/2, H*0.12, bx+bw/2, H*0.12+bh, c.s(0.008), col, 0.92)
		c.stripes(bx-bw/2, H*0.12+bh*0.7, bx+bw/2, H*0.12+bh*0.8, c.s(0.02), 0.5, 0.8, p.light, 0.4)
	}
	// Visitors in the aisle, far ones first.
	ts := make([]float64, 9+r.intn(6))
	for i := range ts {
		ts[i] = r.between(0.15, 1)
	}
	slices.Sort(ts)
	for _, t := range ts {
		y := horizon + (H-horizon)*t
		x := vx + (r.float()-0.5)*W*0.7*t
		ph := (y - horizon) * r.between(0.36, 0.46)
		c.person(x, y, ph, p.accent[r.intn(4)].mix(p.dark, 0.35), p.light.mix(p.accent[1], 0.2), 0.95)
	}
}

func sceneClassroom(c *canvas, p palette, r *rng) {
	W, H := c.fw, c.fh
	wall0 := p.light.mix(p.accent[0], 0.25)
	wall1 := p.light.mix(p.accent[1], 0.1)
	c.gradient(wall0, wall1, math.Pi/2+r.between(-0.3, 0.3))
	floorY := H * 0.72
	c.vgradRect(0, floorY, W, H, p.ground1.mix(p.accent[2], 0.2), p.ground0, 1)
	c.rect(0, floorY-c.s(0.012), W, floorY, p.dark, 0.25)
	// Windows on both sides.
	for _, x := range []float64{W * 0.03, W * 0.87} {
		c.roundRect(x, H*0.12, x+W*0.1, H*0.58, c.s(0.01), p.light, 1)
		c.vgradRect(x+c.s(0.01), H*0.12+c.s(0.01), x+W*0.1-c.s(0.01), H*0.58-c.s(0.01), p.bg1.mix(p.light, 0.4), p.bg1.mix(p.light, 0.7), 1)
		c.rect(x+W*0.05-c.s(0.004), H*0.12, x+W*0.05+c.s(0.004), H*0.58, p.light, 1)
		c.rect(x, H*0.34, x+W*0.1, H*0.34+c.s(0.008), p.light, 1)
	}
	// The board, with charts and lines on it.
	bx0, by0, bx1, by1 := W*0.2, H*0.1, W*0.8, H*0.52
	c.roundRect(bx0-c.s(0.012), by0-c.s(0.012), bx1+c.s(0.012), by1+c.s(0.012), c.s(0.02), p.dark.mix(p.light, 0.7), 1)
	board := p.dark.mix(p.accent[0], 0.25)
	c.roundRect(bx0, by0, bx1, by1, c.s(0.012), board, 1)
	c.glow(bx0+(bx1-bx0)*0.3, by0+(by1-by0)*0.3, c.s(0.35), p.accent[0], 0.18)
	n := 4 + r.intn(3)
	for i := range n {
		bw := (bx1 - bx0) * 0.4 / float64(n)
		x := bx0 + (bx1-bx0)*0.08 + float64(i)*bw*1.5
		hgt := (by1 - by0) * r.between(0.2, 0.7)
		c.roundRect(x, by1-(by1-by0)*0.12-hgt, x+bw, by1-(by1-by0)*0.12, bw*0.2, p.accent[i%4], 0.95)
	}
	pcx, pcy, pr := bx0+(bx1-bx0)*0.78, by0+(by1-by0)*0.38, (by1-by0)*0.2
	c.circle(pcx, pcy, pr, p.accent[1], 0.95)
	c.poly([]pt{{pcx, pcy}, {pcx + pr*1.2, pcy - pr*0.1}, {pcx + pr*0.5, pcy - pr*1.2}}, p.accent[2], 0.95)
	c.circle(pcx, pcy, pr*0.45, board, 1)
	for i := range 3 {
		y := by0 + (by1-by0)*(0.72+0.08*float64(i))
		c.roundRect(bx0+(bx1-bx0)*0.62, y, bx0+(bx1-bx0)*r.between(0.78, 0.93), y+c.s(0.008), c.s(0.004), p.light, 0.6)
	}
	// Ceiling lights.
	for i := range 3 {
		x := W * (0.22 + 0.28*float64(i))
		c.roundRect(x, H*0.015, x+W*0.12, H*0.035, c.s(0.01), p.light, 0.9)
		c.glow(x+W*0.06, H*0.03, c.s(0.15), p.light, 0.25)
	}
	// Rows of desks and chairs, back to front.
	desk := p.accent[3].mix(p.light, 0.25)
	for row := range 3 {
		t := float64(row) / 2
		y := H * (0.66 + 0.14*t)
		dw := W * (0.13 + 0.05*t)
		dh := H * (0.035 + 0.02*t)
		cols := 4 - row%2
		for i := range cols {
			cx := W * (float64(i) + 0.5) / float64(cols)
			c.roundRect(cx-dw*0.3, y-dh*2.2, cx+dw*0.3, y-dh*0.6, dh*0.3, p.accent[(i+row)%4].mix(p.dark, 0.2), 1)
			c.roundRect(cx-dw/2, y-dh, cx+dw/2, y, dh*0.3, desk, 1)
			c.rect(cx-dw*0.45, y, cx-dw*0.4, y+dh*1.6, p.dark, 0.6)
			c.rect(cx+dw*0.4, y, cx+dw*0.45, y+dh*1.6, p.dark, 0.6)
		}
	}
}

func sceneLab(c *canvas, p palette, r *rng) {
	W, H := c.fw, c.fh
	c.gradient(p.light.mix(p.bg1, 0.35), p.light.mix(p.bg1, 0.1), math.Pi/2)
	// Tiled splashback.
	tile := c.s(0.06)
	for x := tile; x < W; x += tile {
		c.rect(x, H*0.3, x+math.Max(1, c.s(0.002)), H*0.66, p.bg1, 0.15)
	}
	for y := H * 0.3; y < H*0.66; y += tile {
		c.rect(0, y, W, y+math.Max(1, c.s(0.002)), p.bg1, 0.15)
	}
	// A molecule on the wall.
	mx, my := W*r.between(0.6, 0.85), H*0.15
	atoms := []pt{{0, 0}, {1, -0.6}, {1.9, 0}, {1, 0.9}, {-0.9, 0.6}}
	sc := c.s(0.06)
	for _, a := range atoms[1:] {
		c.line(mx, my, mx+a.x*sc, my+a.y*sc, c.s(0.008), p.dark, 0.5)
	}
	for i, a := range atoms {
		c.circle(mx+a.x*sc, my+a.y*sc, c.s(0.022), p.accent[i%4], 1)
	}
	// Shelf with glassware.
	shelfY := H * 0.3
	c.rect(W*0.05, shelfY, W*0.55, shelfY+c.s(0.015), p.dark.mix(p.light, 0.5), 1)
	for i := range 5 {
		x := W * (0.09 + 0.1*float64(i))
		hgt := H * r.between(0.1, 0.17)
		w := W * 0.025
		c.roundRect(x-w/2, shelfY-hgt, x+w/2, shelfY, w*0.3, p.light, 0.9)
		c.roundRect(x-w/2, shelfY-hgt*0.55, x+w/2, shelfY, w*0.3, p.accent[i%4], 0.8)
		c.rect(x-w*0.35, shelfY-hgt-c.s(0.012), x+w*0.35, shelfY-hgt, p.dark, 0.6)
	}
	// Bench.
	benchY := H * 0.68
	c.rect(0, benchY, W, H, p.dark.mix(p.bg0, 0.5), 1)
	c.rect(0, benchY, W, benchY+c.s(0.03), p.dark.mix(p.light, 0.3), 1)
	for i := range 4 {
		x := W * (0.04 + 0.25*float64(i))
		c.roundRect(x, benchY+c.s(0.06), x+W*0.2, H-c.s(0.03), c.s(0.01), p.dark.mix(p.light, 0.15), 1)
		c.roundRect(x+W*0.08, benchY+c.s(0.1), x+W*0.12, benchY+c.s(0.115), c.s(0.007), p.light, 0.5)
	}
	// Flasks on the bench.
	for i := range 3 {
		cx := W * (0.2 + 0.3*float64(i) + r.between(-0.04, 0.04))
		fh := H * r.between(0.22, 0.3)
		fw := fh * 0.8
		col := p.accent[(i+1)%4]
		neck := fw * 0.18
		if i%2 == 0 {
			c.poly([]pt{{cx - neck, benchY - fh}, {cx + neck, benchY - fh}, {cx + neck, benchY - fh*0.6}, {cx + fw/2, benchY}, {cx - fw/2, benchY}, {cx - neck, benchY - fh*0.6}}, p.light, 0.85)
			c.poly([]pt{{cx - fw*0.34, benchY - fh*0.22}, {cx + fw*0.34, benchY - fh*0.22}, {cx + fw/2 - 1, benchY}, {cx - fw/2 + 1, benchY}}, col, 0.9)
		} else {
			rad := fw * 0.42
			c.rect(cx-neck, benchY-fh, cx+neck, benchY-rad*1.6, p.light, 0.85)
			c.circle(cx, benchY-rad, rad, p.light, 0.85)
			c.circle(cx, benchY-rad, rad*0.78, col, 0.85)
		}
		c.rect(cx-neck*1.2, benchY-fh-c.s(0.012), cx+neck*1.2, benchY-fh, p.dark, 0.5)
		for b := range 5 {
			c.ring(cx+r.between(-fw*0.3, fw*0.3), benchY-fh-c.s(0.04)-float64(b)*c.s(0.05), c.s(0.012), c.s(0.003), col, 0.7)
		}
	}
	// Test-tube rack.
	rx := W * r.between(0.62, 0.72)
	for i := range 5 {
		x := rx + float64(i)*W*0.03
		c.roundRect(x, benchY-H*0.16, x+W*0.018, benchY-c.s(0.01), W*0.009, p.light, 0.9)
		c.roundRect(x, benchY-H*0.09, x+W*0.018, benchY-c.s(0.01), W*0.009, p.accent[i%4], 0.9)
	}
	c.rect(rx-W*0.01, benchY-H*0.06, rx+W*0.16, benchY-H*0.04, p.dark.mix(p.accent[0], 0.3), 0.95)
}

func sceneStem(c *canvas, p palette, r *rng) {
	W, H := c.fw, c.fh
	c.gradient(p.bg0, p.bg1, r.between(0.3, 1.2))
	grid := c.s(0.05)
	for x := grid; x < W; x += grid {
		c.rect(x, 0, x+math.Max(1, c.s(0.0015)), H, p.light, 0.07)
	}
	for y := grid; y < H; y += grid {
		c.rect(0, y, W, y+math.Max(1, c.s(0.0015)), p.light, 0.07)
	}
	// Circuit traces.
	for i := range 6 {
		x, y := W*r.float(), H*r.float()
		col := p.accent[i%4]
		for range 3 {
			nx, ny := x, y
			if r.intn(2) == 0 {
				nx += (r.float() - 0.5) * W * 0.4
			} else {
				ny += (r.float() - 0.5) * H * 0.4
			}
			c.line(x, y, nx, ny, c.s(0.006), col, 0.5)
			c.circle(nx, ny, c.s(0.012), col, 0.8)
			x, y = nx, ny
		}
	}
	// Gears.
	for i := range 2 {
		gx, gy := W*(0.2+0.15*float64(i)), H*(0.3+0.35*float64(i))
		gr := c.s(0.12 - 0.04*float64(i))
		col := p.accent[(i+2)%4]
		teeth := 10 - 2*i
		rot := r.float()
		for k := range teeth {
			a := rot + 2*math.Pi*float64(k)/float64(teeth)
			c.rotRect(gx+math.Cos(a)*gr, gy+math.Sin(a)*gr, gr*0.35, gr*0.3, a, col, 1)
		}
		c.ring(gx, gy, gr*0.7, gr*0.3, col, 1)
		c.circle(gx, gy, gr*0.15, col, 1)
	}
	// A friendly robot.
	rx, base := W*r.between(0.6, 0.72), H*0.92
	u := c.s(0.1)
	body := p.light.mix(p.accent[0], 0.15)
	c.roundRect(rx-u*1.2, base-u*0.5, rx+u*1.2, base, u*0.2, p.dark, 0.5)
	c.roundRect(rx-u, base-u*3, rx+u, base-u*0.6, u*0.3, body, 1)
	c.circle(rx, base-u*1.8, u*0.4, p.accent[1], 1)
	c.circle(rx, base-u*1.8, u*0.2, p.light, 1)
	c.roundRect(rx-u*1.6, base-u*2.8, rx-u*1.15, base-u*1.2, u*0.2, body.mix(p.dark, 0.15), 1)
	c.roundRect(rx+u*1.15, base-u*2.8, rx+u*1.6, base-u*1.2, u*0.2, body.mix(p.dark, 0.15), 1)
	c.roundRect(rx-u*0.8, base-u*4.4, rx+u*0.8, base-u*3.15, u*0.3, body, 1)
	c.circle(rx-u*0.35, base-u*3.8, u*0.17, p.dark, 1)
	c.circle(rx+u*0.35, base-u*3.8, u*0.17, p.dark, 1)
	c.circle(rx-u*0.3, base-u*3.85, u*0.06, p.accent[2], 1)
	c.circle(rx+u*0.4, base-u*3.85, u*0.06, p.accent[2], 1)
	c.line(rx, base-u*4.4, rx, base-u*4.9, u*0.06, body, 1)
	c.circle(rx, base-u*4.95, u*0.12, p.accent[3], 1)
	c.glow(rx, base-u*4.95, u*0.5, p.accent[3], 0.4)
}

func sceneSport(c *canvas, p palette, r *rng) {
	W, H := c.fw, c.fh
	sky := p.bg1.mix(p.light, 0.45)
	c.gradient(sky, p.light, math.Pi/2)
	field := hsl(p.hue+r.between(-20, 20)+100, 0.4, 0.42)
	horizon := H * 0.42
	c.vgradRect(0, horizon, W, H, field.mix(p.light, 0.15), field, 1)
	// Stands and floodlights.
	c.rect(0, horizon-H*0.12, W, horizon, p.bg0, 0.85)
	c.stripes(0, horizon-H*0.12, W, horizon, c.s(0.03), 0.5, math.Pi/2, p.bg1, 0.5)
	for _, x := range []float64{W * 0.1, W * 0.9} {
		c.rect(x-c.s(0.005), H*0.08, x+c.s(0.005), horizon-H*0.12, p.dark, 0.8)
		c.roundRect(x-c.s(0.05), H*0.05, x+c.s(0.05), H*0.1, c.s(0.01), p.light, 1)
		c.glow(x, H*0.075, c.s(0.25), p.light, 0.5)
	}
	// A curved running track.
	tcx, tcy := W*r.between(0.35, 0.65), H*1.9
	inner := H * 1.2
	lanes := 6
	lw := H * 0.045
	track := p.accent[0].mix(hsl(10, 0.6, 0.5), 0.5)
	c.ring(tcx, tcy, inner+lw*float64(lanes)/2, lw*float64(lanes)/2, track, 1)
	for i := 0; i <= lanes; i++ {
		c.ring(tcx, tcy, inner+lw*float64(i), math.Max(0.6, c.s(0.0025)), p.light, 0.9)
	}
	// Goal frame.
	gx := W * r.between(0.15, 0.3)
	gy := horizon + H*0.12
	gw, gh := W*0.16, H*0.12
	post := math.Max(1, c.s(0.008))
	c.stripes(gx, gy-gh, gx+gw, gy, c.s(0.015), 0.15, math.Pi/4, p.light, 0.5)
	c.stripes(gx, gy-gh, gx+gw, gy, c.s(0.015), 0.15, -math.Pi/4, p.light, 0.5)
	c.rect(gx, gy-gh, gx+post, gy, p.light, 1)
	c.rect(gx+gw-post, gy-gh, gx+gw, gy, p.light, 1)
	c.rect(gx, gy-gh, gx+gw, gy-gh+post, p.light, 1)
	// Balls.
	for i := range 3 {
		bx := W * (0.55 + 0.15*float64(i) + r.between(-0.04, 0.04))
		by := H * r.between(0.6, 0.85)
		br := c.s(0.04 + 0.02*float64(i))
		col := p.accent[(i+1)%4]
		c.glow(bx+br*0.3, by+br*0.9, br*1.2, p.dark, 0.3)
		c.circle(bx, by, br, col, 1)
		c.ring(bx, by, br*0.6, math.Max(0.6, br*0.05), p.dark, 0.35)
		c.line(bx-br, by, bx+br, by, math.Max(1, br*0.08), p.dark, 0.35)
		c.circle(bx-br*0.35, by-br*0.4, br*0.25, p.light, 0.35)
	}
}

func sceneLibrary(c *canvas, p palette, r *rng) {
	W, H := c.fw, c.fh
	wood := p.accent[3].mix(hsl(30, 0.45, 0.35), 0.6)
	c.gradient(p.bg0, p.bg0.mix(p.bg1, 0.6), 0)
	shelves := 4
	top, bottom := H*0.06, H*0.8
	gap := (bottom - top) / float64(shelves)
	for s := range shelves {
		y := top + gap*float64(s+1)
		x := W * 0.04
		for x < W*0.96 {
			bw := W * r.between(0.012, 0.032)
			if x+bw > W*0.96 {
				break
			}
			bh := gap * r.between(0.6, 0.88)
			col := p.accent[r.intn(4)].mix(p.light, r.between(0, 0.35))
			if r.intn(7) == 0 {
				c.rotRect(x+bh*0.2, y-bh/2, bw, bh, 0.25, col, 1)
				x += bh * 0.3
			} else {
				c.roundRect(x, y-bh, x+bw, y, bw*0.12, col, 1)
				c.rect(x, y-bh*0.85, x+bw, y-bh*0.8, p.light, 0.4)
				c.rect(x, y-bh*0.25, x+bw, y-bh*0.2, p.dark, 0.3)
			}
			x += bw + W*0.002
			if r.intn(12) == 0 {
				x += W * 0.04
			}
		}
		c.rect(0, y, W, y+c.s(0.025), wood, 1)
		c.rect(0, y+c.s(0.025), W, y+c.s(0.035), p.dark, 0.3)
	}
	// A reading table with a lamp and an open book.
	c.glow(W*0.7, H*0.75, c.s(0.5), p.light, 0.3)
	c.rect(0, H*0.86, W, H, wood.mix(p.dark, 0.3), 1)
	c.roundRect(W*0.15, H*0.82, W*0.85, H*0.88, c.s(0.01), wood.mix(p.light, 0.15), 1)
	bx, by := W*0.42, H*0.83
	c.poly([]pt{{bx - W*0.1, by - H*0.02}, {bx, by}, {bx, by + H*0.015}, {bx - W*0.1, by}}, p.light, 1)
	c.poly([]pt{{bx, by}, {bx + W*0.1, by - H*0.02}, {bx + W*0.1, by}, {bx, by + H*0.015}}, p.light.mix(p.accent[0], 0.1), 1)
	lx := W * 0.7
	c.rect(lx-c.s(0.005), H*0.68, lx+c.s(0.005), H*0.82, p.dark, 0.8)
	c.poly([]pt{{lx - c.s(0.05), H * 0.7}, {lx - c.s(0.02), H * 0.62}, {lx + c.s(0.02), H * 0.62}, {lx + c.s(0.05), H * 0.7}}, p.accent[1], 1)
}

func sceneStage(c *canvas, p palette, r *rng) {
	W, H := c.fw, c.fh
	c.gradient(p.dark, p.bg0, math.Pi/2)
	// Screen with abstract graphics.
	sx0, sy0, sx1, sy1 := W*0.14, H*0.1, W*0.86, H*0.56
	c.roundRect(sx0, sy0, sx1, sy1, c.s(0.015), p.bg1, 1)
	c.glow(sx0+(sx1-sx0)*0.25, sy0+(sy1-sy0)*0.4, c.s(0.4), p.accent[0], 0.6)
	c.glow(sx0+(sx1-sx0)*0.75, sy0+(sy1-sy0)*0.6, c.s(0.35), p.accent[1], 0.6)
	for i := range 4 {
		x := sx0 + (sx1-sx0)*(0.15+0.22*float64(i))
		c.circle(x, sy0+(sy1-sy0)*r.between(0.3, 0.7), (sy1-sy0)*r.between(0.08, 0.2), p.accent[i], 0.75)
	}
	c.stripes(sx0, sy1-(sy1-sy0)*0.15, sx1, sy1, c.s(0.03), 0.5, 0.6, p.light, 0.15)
	// Stage and lectern.
	stageY := H * 0.64
	c.rect(0, stageY, W, H, p.bg0.mix(p.dark, 0.4), 1)
	c.rect(0, stageY, W, stageY+c.s(0.02), p.accent[2], 0.9)
	lx := W * r.between(0.68, 0.78)
	c.poly([]pt{{lx - W*0.05, stageY - H*0.16}, {lx + W*0.05, stageY - H*0.16}, {lx + W*0.04, stageY}, {lx - W*0.04, stageY}}, p.light.mix(p.bg1, 0.3), 1)
	c.circle(lx, stageY-H*0.11, c.s(0.03), p.accent[0], 1)
	c.person(W*0.3, stageY, H*0.22, p.accent[3].mix(p.dark, 0.3), p.light.mix(p.accent[1], 0.2), 1)
	// Spotlights.
	for i := range 3 {
		x := W * (0.2 + 0.3*float64(i))
		c.poly([]pt{{x - c.s(0.01), 0}, {x + c.s(0.01), 0}, {x + W*0.12, stageY}, {x - W*0.12, stageY}}, p.light, 0.07)
	}
	// Audience.
	for row := range 3 {
		y := H * (0.8 + 0.1*float64(row))
		ph := H * (0.16 + 0.05*float64(row))
		step := ph * 0.55
		off := r.float() * step
		for x := off - step; x < W+step; x += step {
			c.person(x, y+ph*0.35, ph, p.dark.mix(p.bg0, 0.3*float64(2-row)), p.dark.mix(p.bg1, 0.25*float64(2-row)), 1)
		}
	}
}

func sceneAbstract(c *canvas, p palette, r *rng) {
	W, H := c.fw, c.fh
	c.gradient(p.bg0, p.bg1, r.between(0, math.Pi))
	for i := range 4 {
		c.glow(W*r.float(), H*r.float(), c.s(r.between(0.3, 0.55)), p.accent[i%4], 0.45)
	}
	c.stripes(W*r.between(0, 0.3), 0, W*r.between(0.5, 1), H, c.s(0.04), 0.35, r.between(0.5, 1.2), p.light, 0.1)
	for i := range 4 {
		x, y := W*r.float(), H*r.float()
		w, h := W*r.between(0.15, 0.35), H*r.between(0.15, 0.35)
		c.roundRect(x-w/2, y-h/2, x+w/2, y+h/2, math.Min(w, h)*0.25, p.accent[(i+1)%4], 0.55)
	}
	for i := range 7 {
		c.circle(W*r.float(), H*r.float(), c.s(r.between(0.04, 0.16)), p.accent[i%4], r.between(0.5, 0.9))
	}
	for range 3 {
		c.ring(W*r.float(), H*r.float(), c.s(r.between(0.08, 0.2)), c.s(0.008), p.light, 0.6)
	}
	dot := c.s(0.035)
	ox, oy := W*r.between(0.55, 0.8), H*r.between(0.1, 0.6)
	for i := range 5 {
		for j := range 4 {
			c.circle(ox+float64(i)*dot, oy+float64(j)*dot, dot*0.16, p.light, 0.7)
		}
	}
}

func clamp01(t float64) float64 {
	if t < 0 {
		return 0
	}
	if t > 1 {
		return 1
	}
	return t
}

func clampInt(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
