package media

import (
	"image"
	"image/color"
	"math"

	"golang.org/x/image/draw"
)

// Renditions are drawn by streaming the source once, row by row, through a
// Catmull-Rom scaler per rendition that keeps only the source rows its kernel
// currently covers, each already scaled across. x/image/draw's Scale instead
// keeps the whole source height at the output width as float64 RGBA (32 bytes
// × output width × source height): 150 MB for the article rendition of a
// 6000×4000 photo, 460 MB for a 1201×12000 one. Here the memory is about that
// of the renditions themselves, whatever the source's size, and the weights
// are the same as x/image/draw's, so the pictures are too.

// axisWeights resample one axis from n source samples to m: output i is
// Σ w[i*span+j] · source[lo[i]+j] for j < cnt[i], the weights summing to 1.
type axisWeights struct {
	lo, cnt []int
	span    int
	w       []float32
}

// newAxisWeights follows x/image/draw's newDistrib: when shrinking, the
// kernel is widened so that every source sample contributes.
func newAxisWeights(m, n int) axisWeights {
	k := draw.CatmullRom
	scale := float64(n) / float64(m)
	half, argScale := k.Support, 1.0
	if scale > 1 {
		half *= scale
		argScale = 1 / scale
	}
	a := axisWeights{lo: make([]int, m), cnt: make([]int, m)}
	centre := func(i int) float64 { return (float64(i)+0.5)*scale - 0.5 }
	for i := range m {
		c := centre(i)
		lo := max(int(math.Floor(c-half)), 0)
		hi := max(min(int(math.Ceil(c+half)), n), lo)
		a.lo[i], a.cnt[i] = lo, hi-lo
		a.span = max(a.span, hi-lo)
	}
	a.span = max(a.span, 1)
	a.w = make([]float32, m*a.span)
	for i := range m {
		c, w := centre(i), a.w[i*a.span:(i+1)*a.span]
		total := 0.0
		for j := range a.cnt[i] {
			t := math.Abs((c - float64(a.lo[i]+j)) * argScale)
			if t < k.Support {
				v := k.At(t)
				w[j] = float32(v)
				total += v
			}
		}
		if total == 0 { // cannot happen for m <= n; never divide by it
			a.lo[i], a.cnt[i], w[0], total = min(max(int(math.Round(c)), 0), n-1), 1, 1, 1
		}
		for j := range a.cnt[i] {
			w[j] = float32(float64(w[j]) / total)
		}
	}
	return a
}

// weightBytes is what newAxisWeights(m, n) allocates, for the budget.
func weightBytes(m, n int) int64 {
	scale := float64(n) / float64(m)
	span := int64(2*draw.CatmullRom.Support*max(scale, 1)) + 2
	return int64(m) * (span*4 + 16)
}

// rowScaler draws one rendition: fed the source rows in order, it scales
// each across into a ring of the rows the vertical kernel still needs, and
// writes each output row, composited onto white, as soon as its last source
// row has arrived.
type rowScaler struct {
	dst    *image.RGBA
	x, y   axisWeights
	ring   []float32 // y.span rows of 4*dst width, premultiplied RGBA in [0, 1]
	loaded int       // source rows received
	next   int       // next output row
}

func newRowScaler(size image.Point, src image.Point) *rowScaler {
	y := newAxisWeights(size.Y, src.Y)
	return &rowScaler{
		dst:  image.NewRGBA(image.Rectangle{Max: size}),
		x:    newAxisWeights(size.X, src.X),
		y:    y,
		ring: make([]float32, y.span*4*size.X),
	}
}

// scalerBytes is what newRowScaler allocates, for the budget.
func scalerBytes(size, src image.Point) int64 {
	span := int64(2*draw.CatmullRom.Support*max(float64(src.Y)/float64(size.Y), 1)) + 2
	return 4*int64(size.X)*int64(size.Y) + 16*int64(size.X)*span +
		weightBytes(size.X, src.X) + weightBytes(size.Y, src.Y)
}

func (z *rowScaler) done() bool { return z.next == z.dst.Rect.Dy() }

// push takes source row z.loaded, as premultiplied RGBA in [0, 1].
func (z *rowScaler) push(line []float32) {
	dw := z.dst.Rect.Dx()
	row := z.ring[(z.loaded%z.y.span)*4*dw:][:4*dw]
	for i := range dw {
		lo, w := z.x.lo[i], z.x.w[i*z.x.span:][:z.x.cnt[i]]
		src := line[4*lo:][:4*len(w)]
		var r, g, b, a float32
		for j, wj := range w {
			p := src[4*j:][:4]
			r += wj * p[0]
			g += wj * p[1]
			b += wj * p[2]
			a += wj * p[3]
		}
		row[4*i], row[4*i+1], row[4*i+2], row[4*i+3] = r, g, b, a
	}
	z.loaded++
	for !z.done() && z.y.lo[z.next]+z.y.cnt[z.next] <= z.loaded {
		z.emit()
	}
}

// emit writes output row z.next from the ring.
func (z *rowScaler) emit() {
	dw := z.dst.Rect.Dx()
	lo, w := z.y.lo[z.next], z.y.w[z.next*z.y.span:][:z.y.cnt[z.next]]
	out := z.dst.Pix[z.next*z.dst.Stride:][:4*dw]
	for i := range dw {
		var r, g, b, a float32
		for j, wj := range w {
			p := z.ring[((lo+j)%z.y.span)*4*dw+4*i:][:4]
			r += wj * p[0]
			g += wj * p[1]
			b += wj * p[2]
			a += wj * p[3]
		}
		// Catmull-Rom overshoots: keep the result a valid premultiplied
		// colour, then put it over white.
		a = min(max(a, 0), 1)
		bg := 1 - a
		out[4*i] = to8(min(max(r, 0), a) + bg)
		out[4*i+1] = to8(min(max(g, 0), a) + bg)
		out[4*i+2] = to8(min(max(b, 0), a) + bg)
		out[4*i+3] = 0xff
	}
	z.next++
}

func to8(v float32) uint8 { return uint8(min(v*255+0.5, 255)) }

// renderOnWhite draws the canvas region of src at each of sizes (none
// larger than the canvas), over white, reading every source row once.
// Areas of the canvas outside src.Bounds() are transparent, as for a GIF
// frame smaller than its logical screen.
func renderOnWhite(src image.Image, canvas image.Rectangle, sizes []image.Point) []*image.RGBA {
	scalers := make([]*rowScaler, len(sizes))
	for i, s := range sizes {
		scalers[i] = newRowScaler(s, canvas.Size())
	}
	line := make([]float32, 4*canvas.Dx())
	for y := canvas.Min.Y; y < canvas.Max.Y; y++ {
		busy := false
		for _, z := range scalers {
			busy = busy || !z.done()
		}
		if !busy {
			break
		}
		loadRow(line, src, canvas, y)
		for _, z := range scalers {
			if !z.done() {
				z.push(line)
			}
		}
	}
	out := make([]*image.RGBA, len(scalers))
	for i, z := range scalers {
		out[i] = z.dst
	}
	return out
}

// loadRow reads row y of the canvas from src as premultiplied RGBA in [0, 1].
func loadRow(line []float32, src image.Image, canvas image.Rectangle, y int) {
	clear(line)
	b := src.Bounds().Intersect(image.Rect(canvas.Min.X, y, canvas.Max.X, y+1))
	const f = 1.0 / 0xffff
	if m, ok := src.(*image.YCbCr); ok { // a JPEG photo: the common case, kept fast
		const f8 = 1.0 / 0xff
		for x := b.Min.X; x < b.Max.X; x++ {
			yi, ci := m.YOffset(x, y), m.COffset(x, y)
			r, g, bl := color.YCbCrToRGB(m.Y[yi], m.Cb[ci], m.Cr[ci])
			p := line[4*(x-canvas.Min.X):][:4]
			p[0], p[1], p[2], p[3] = float32(r)*f8, float32(g)*f8, float32(bl)*f8, 1
		}
		return
	}
	if s, ok := src.(image.RGBA64Image); ok { // every other image the decoders return
		for x := b.Min.X; x < b.Max.X; x++ {
			c := s.RGBA64At(x, y)
			p := line[4*(x-canvas.Min.X):][:4]
			p[0], p[1], p[2], p[3] = float32(c.R)*f, float32(c.G)*f, float32(c.B)*f, float32(c.A)*f
		}
		return
	}
	for x := b.Min.X; x < b.Max.X; x++ {
		r, g, bl, a := src.At(x, y).RGBA()
		p := line[4*(x-canvas.Min.X):][:4]
		p[0], p[1], p[2], p[3] = float32(r)*f, float32(g)*f, float32(bl)*f, float32(a)*f
	}
}
