package demo

import (
	"image"
	"math"
	"sync"
)

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

func clamp01(t float64) float64 {
	if t < 0 {
		return 0
	}
	if t > 1 {
		return 1
	}
	return t
}
