package demo

import (
	"bytes"
	"hash/fnv"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"rsc.io/qr"
)

// Photo-like pictures for the demo, made by code: an exhibition hall seen
// down an aisle (perspective booths under rows of lights, a crowd, a glossy
// floor) and products on a studio sweep with soft shadows. Flat shapes are
// drawn with the canvas of images.go; what makes them read as photographs
// is the finish: depth of field, bloom around lights, lens vignetting, a
// warm tone curve and film grain.

func seedOf(key string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	return h.Sum64()
}

// hallPhoto is a JPEG of an expo hall, different for each key.
func hallPhoto(key string, w, h int) []byte {
	r := &rng{state: seedOf(key)}
	c := newCanvas(w, h)
	defer c.release()
	W, H := c.fw, c.fh
	hy := H * r.between(0.40, 0.46) // the horizon: eye level
	vx := W * r.between(0.42, 0.58)
	f := W * 0.62
	camH := 1.65 // metres above the floor
	sx := func(x, z float64) float64 { return vx + f*x/z }
	sy := func(y, z float64) float64 { return hy + f*(camH-y)/z } // y is height above the floor
	// Ceiling and far wall.
	c.gradient(rgb{22, 26, 33}, rgb{70, 74, 82}, math.Pi/2)
	c.vgradRect(0, 0, W, hy, rgb{16, 19, 25}, rgb{58, 62, 70}, 1)
	farZ := 70.0
	c.vgradRect(0, sy(9, farZ), W, sy(0, farZ), rgb{84, 88, 96}, rgb{120, 118, 112}, 1)
	// The far wall's LED screen and banners.
	sw := r.between(6, 10)
	c.rect(sx(-sw, farZ), sy(7.5, farZ), sx(sw, farZ), sy(3.6, farZ), rgb{30, 90, 170}, 1)
	c.glow((sx(-sw, farZ)+sx(sw, farZ))/2, sy(5.5, farZ), W*0.16, rgb{90, 160, 255}, 0.35)
	c.vgradRect(sx(-sw*0.9, farZ), sy(7.2, farZ), sx(sw*0.9, farZ), sy(3.9, farZ), rgb{40, 120, 210}, rgb{200, 60, 60}, 0.8)
	// Roof trusses converging on the vanishing point, and cross beams.
	for i := -10; i <= 10; i++ {
		x := float64(i) * 4
		c.line(sx(x, 2), sy(12, 2), sx(x, farZ), sy(12, farZ), math.Max(1, W*0.0015), rgb{150, 155, 165}, 0.18)
	}
	for z := 4.0; z < farZ; z *= 1.35 {
		y := sy(12, z)
		c.rect(0, y, W, y+math.Max(1, f*0.15/z), rgb{140, 146, 156}, 0.22)
	}
	// Floor: polished concrete, lighter near, with a carpeted aisle.
	c.vgradRect(0, sy(0, farZ), W, H, rgb{118, 114, 108}, rgb{196, 190, 180}, 1)
	carpet := hsl(r.between(200, 230), 0.35, 0.32)
	if r.float() < 0.4 {
		carpet = hsl(r.between(345, 360), 0.45, 0.33)
	}
	c.poly([]pt{{sx(-1.5, farZ), sy(0, farZ)}, {sx(1.5, farZ), sy(0, farZ)}, {sx(1.5, 1.6), sy(0, 1.6)}, {sx(-1.5, 1.6), sy(0, 1.6)}}, carpet, 0.85)
	// Lights: rows down the hall, each with its reflection on the floor.
	for _, x := range []float64{-11, -5, 0, 5, 11} {
		for z := 5.0; z < farZ; z *= 1.28 {
			px, py := sx(x, z), sy(11.5, z)
			rad := f * 0.9 / z
			c.glow(px, py, rad*3, rgb{255, 236, 200}, 0.25)
			c.circle(px, py, math.Max(1.5, rad*0.5), rgb{255, 250, 235}, 1)
			if x != 0 && math.Abs(x) < 8 { // its sheen on the polished floor
				c.glow(px, sy(0, z*0.9), rad*2.2, rgb{255, 244, 225}, 0.1)
			}
		}
	}
	// Booths on both sides, far first: back walls with graphics, low
	// dividers, aluminium posts, a fascia with the exhibitor's name panel, a
	// counter at the aisle, a screen.
	for side := range 2 {
		dir := -1.0
		if side == 1 {
			dir = 1
		}
		depth := r.between(2.8, 3.4)
		var booths []float64
		for z := r.between(4.5, 6.5); z < farZ*0.8; z += depth {
			booths = append(booths, z)
		}
		for i := len(booths) - 1; i >= 0; i-- {
			z0, z1 := booths[i], booths[i]+depth
			acc := hsl(r.float()*360, r.between(0.3, 0.55), r.between(0.36, 0.5))
			in, out := dir*2.6, dir*8.0 // aisle edge and back wall
			quad := func(x0, x1, y0, y1, za, zb float64, col rgb, a float64) {
				c.poly([]pt{{sx(x0, za), sy(y1, za)}, {sx(x1, zb), sy(y1, zb)}, {sx(x1, zb), sy(y0, zb)}, {sx(x0, za), sy(y0, za)}}, col, a)
			}
			wallC := rgb{232, 230, 226}.mix(acc, 0.12)
			// Back wall, with a printed graphic (a band of colour and a lighter panel).
			c.poly([]pt{{sx(out, z0), sy(2.5, z0)}, {sx(out, z1), sy(2.5, z1)}, {sx(out, z1), sy(0, z1)}, {sx(out, z0), sy(0, z0)}}, wallC.mix(rgb{0, 0, 0}, 0.12), 1)
			quad(out, out, 0.9, 2.3, z0+depth*0.15, z1-depth*0.15, acc.mix(rgb{255, 255, 255}, 0.2), 0.9)
			quad(out, out, 1.5, 2.1, z0+depth*0.25, z1-depth*0.3, rgb{250, 250, 248}, 0.8)
			// Shelves with boxed products along the back wall.
			for _, y := range []float64{0.7, 1.25} {
				quad(out*0.97, out*0.97, y, y+0.04, z0+depth*0.1, z1-depth*0.1, rgb{180, 180, 184}, 1)
				for k := range 4 {
					za := z0 + depth*(0.14+0.19*float64(k))
					quad(out*0.97, out*0.97, y+0.04, y+r.between(0.2, 0.38), za, za+depth*0.13, hsl(r.float()*360, 0.35, r.between(0.35, 0.7)), 1)
				}
			}
			// Side wall at the far end, facing the camera: lit, so lighter.
			c.poly([]pt{{sx(in*1.05, z1), sy(2.5, z1)}, {sx(out, z1), sy(2.5, z1)}, {sx(out, z1), sy(0, z1)}, {sx(in*1.05, z1), sy(0, z1)}}, wallC, 1)
			// A printed poster on the side wall: a sky-to-product gradient
			// under the exhibitor's colour band.
			c.vgradRect(sx(dir*3.0, z1), sy(2.4, z1), sx(dir*7.6, z1), sy(2.2, z1), acc, acc, 0.95)
			c.vgradRect(sx(dir*3.0, z1), sy(2.15, z1), sx(dir*4.0, z1), sy(0.9, z1), acc.mix(rgb{255, 255, 255}, 0.55), acc.mix(rgb{60, 60, 70}, 0.3), 0.9)
			// A screen on the side wall, glowing.
			scr := hsl(r.float()*360, 0.6, 0.55)
			c.vgradRect(sx(dir*4.2, z1), sy(2.1, z1), sx(dir*6.4, z1), sy(1.0, z1), scr, scr.mix(rgb{20, 20, 30}, 0.6), 1)
			c.glow(sx(dir*5.3, z1), sy(1.55, z1), f*1.2/z1, scr, 0.25)
			// Counter at the aisle edge: its top lit, its face in the booth's colour.
			c.poly([]pt{{sx(in*1.1, z0+0.5), sy(1.05, z0+0.5)}, {sx(in*1.1, z0+2.1), sy(1.05, z0+2.1)}, {sx(in*1.1, z0+2.1), sy(0, z0+2.1)}, {sx(in*1.1, z0+0.5), sy(0, z0+0.5)}}, acc.mix(rgb{250, 250, 250}, 0.35), 1)
			quad(in*1.1, in*1.1, 0.95, 1.05, z0+0.5, z0+2.1, rgb{250, 248, 240}, 1)
			// Posts and the fascia board with its name panel.
			for _, z := range []float64{z0, z1} {
				c.poly([]pt{{sx(in, z) - dir*f*0.03/z, sy(3.0, z)}, {sx(in, z) + dir*f*0.03/z, sy(3.0, z)}, {sx(in, z) + dir*f*0.03/z, sy(0, z)}, {sx(in, z) - dir*f*0.03/z, sy(0, z)}}, rgb{205, 208, 212}, 1)
			}
			c.poly([]pt{{sx(in, z0), sy(3.05, z0)}, {sx(in, z1), sy(3.05, z1)}, {sx(in, z1), sy(2.5, z1)}, {sx(in, z0), sy(2.5, z0)}}, acc, 1)
			quad(in, in, 2.6, 2.95, z0+depth*0.12, z1-depth*0.12, rgb{248, 248, 246}, 0.95)
			quad(in, in, 2.72, 2.83, z0+depth*0.18, z0+depth*(0.3+0.4*r.float()), acc.mix(rgb{20, 20, 20}, 0.4), 0.9)
		}
	}
	// Hanging signs over the stands, high up.
	for i := range 5 {
		z := 9 + float64(i)*r.between(6, 9)
		x := r.between(-7, 7)
		col := hsl(r.float()*360, 0.45, 0.45)
		c.line(sx(x, z), sy(12, z), sx(x, z), sy(7.4, z), math.Max(1, f*0.02/z), rgb{120, 120, 125}, 0.6)
		c.rect(sx(x-1.6, z), sy(7.4, z), sx(x+1.6, z), sy(6.4, z), col, 1)
		c.rect(sx(x-1.2, z), sy(7.1, z), sx(x+1.2, z), sy(6.7, z), rgb{245, 245, 240}, 0.9)
	}
	// Visitors in the aisle, far ones first: backlit silhouettes in
	// everyday colours, with bags and the odd lanyard.
	type person struct{ x, z float64 }
	var crowd []person
	for range 30 + r.intn(14) {
		z := 5.5 + math.Pow(r.float(), 1.4)*45
		crowd = append(crowd, person{r.between(-2.6, 2.6), z})
	}
	for i := range crowd {
		for j := i + 1; j < len(crowd); j++ {
			if crowd[j].z > crowd[i].z {
				crowd[i], crowd[j] = crowd[j], crowd[i]
			}
		}
	}
	clothes := []rgb{{40, 44, 52}, {70, 80, 98}, {150, 150, 150}, {30, 30, 34}, {120, 40, 40}, {200, 200, 196}, {60, 90, 70}, {170, 130, 90}}
	for _, p := range crowd {
		hgt := r.between(1.55, 1.85)
		px, base := sx(p.x, p.z), sy(0, p.z)
		ph := base - sy(hgt, p.z)
		body := clothes[r.intn(len(clothes))].mix(rgb{20, 22, 28}, 0.25)
		legs := clothes[r.intn(4)].mix(rgb{15, 15, 20}, 0.4)
		sh := ph * r.between(0.11, 0.13) // half the shoulders' width
		c.roundRect(px-sh*0.75, base-ph*0.47, px-sh*0.08, base, sh*0.3, legs, 1)
		c.roundRect(px+sh*0.08, base-ph*0.47, px+sh*0.75, base, sh*0.3, legs, 1)
		c.roundRect(px-sh, base-ph*0.82, px+sh, base-ph*0.43, sh*0.45, body, 1)
		c.roundRect(px-sh*0.28, base-ph*0.86, px+sh*0.28, base-ph*0.8, sh*0.1, rgb{150, 110, 90}.mix(rgb{40, 30, 26}, 0.5), 1)
		c.circle(px, base-ph*0.92, ph*0.068, rgb{40, 30, 26}.mix(rgb{15, 12, 10}, r.float()), 1)
		if r.float() < 0.3 {
			c.roundRect(px+sh*0.9, base-ph*0.62, px+sh*1.6, base-ph*0.42, ph*0.015, rgb{30, 30, 30}.mix(rgb{180, 160, 120}, r.float()), 1)
		}
		// Their soft shadow on the floor.
		c.glow(px, base, ph*0.25, rgb{40, 38, 36}, 0.35)
	}
	sharp := func(y float64) float64 { // blur: none at eye level, more near and up
		d := math.Abs(y-hy) / H
		return clamp01((d - 0.08) * 2.2)
	}
	finish(c, r, sharp, 0.9, 5)
	return encodeJPEG(c.img)
}

// productPhoto is a JPEG of an education product on a studio sweep.
func productPhoto(key string, w, h int) []byte {
	r := &rng{state: seedOf(key)}
	c := newCanvas(w, h)
	defer c.release()
	W, H := c.fw, c.fh
	bg := hsl(r.between(190, 230), 0.12, 0.86)
	c.gradient(bg.mix(rgb{255, 255, 255}, 0.6), bg.mix(rgb{90, 100, 115}, 0.35), math.Pi/2)
	c.glow(W*0.5, H*0.42, W*0.55, rgb{255, 255, 255}, 0.55)
	floorY := H * 0.78
	c.vgradRect(0, floorY, W, H, bg.mix(rgb{255, 255, 255}, 0.3), bg.mix(rgb{120, 128, 140}, 0.3), 0.3)
	cx := W * r.between(0.45, 0.55)
	// A soft contact shadow: stacked wide glows.
	for i := range 6 {
		c.glow(cx+float64(i-3)*W*0.06, floorY+H*0.01, W*0.14, rgb{50, 55, 65}, 0.12)
	}
	accent := hsl(r.float()*360, 0.45, 0.48)
	switch seedOf(key) % 2 {
	case 0: // an interactive flat panel on its stand
		pw, ph := W*0.44, W*0.26
		x0, y0 := cx-pw/2, floorY-H*0.2-ph
		c.rect(cx-W*0.012, y0+ph, cx+W*0.012, floorY, rgb{70, 74, 80}, 1)
		c.roundRect(cx-W*0.12, floorY-H*0.02, cx+W*0.12, floorY+H*0.01, H*0.01, rgb{60, 64, 70}, 1)
		c.roundRect(x0, y0, x0+pw, y0+ph, W*0.01, rgb{24, 26, 30}, 1)
		c.vgradRect(x0+pw*0.03, y0+ph*0.05, x0+pw*0.97, y0+ph*0.93, accent.mix(rgb{255, 255, 255}, 0.3), accent.mix(rgb{10, 20, 40}, 0.5), 1)
		for i := range 3 {
			c.roundRect(x0+pw*(0.08+0.3*float64(i)), y0+ph*0.55, x0+pw*(0.3+0.3*float64(i)), y0+ph*0.85, W*0.006, rgb{255, 255, 255}, 0.75)
		}
		c.poly([]pt{{x0 + pw*0.03, y0 + ph*0.05}, {x0 + pw*0.45, y0 + ph*0.05}, {x0 + pw*0.2, y0 + ph*0.93}, {x0 + pw*0.03, y0 + ph*0.93}}, rgb{255, 255, 255}, 0.08)
	default: // a laptop for the computer room
		lw, lh := W*0.42, W*0.26
		y1 := floorY - H*0.02
		c.poly([]pt{{cx - lw*0.55, y1}, {cx + lw*0.55, y1}, {cx + lw*0.5, y1 - H*0.035}, {cx - lw*0.5, y1 - H*0.035}}, rgb{190, 192, 198}, 1)
		c.roundRect(cx-lw/2, y1-H*0.035-lh, cx+lw/2, y1-H*0.035, W*0.008, rgb{40, 42, 48}, 1)
		c.vgradRect(cx-lw*0.46, y1-H*0.035-lh*0.94, cx+lw*0.46, y1-H*0.035-lh*0.06, accent.mix(rgb{255, 255, 255}, 0.45), accent.mix(rgb{0, 10, 30}, 0.4), 1)
		c.poly([]pt{{cx - lw*0.46, y1 - H*0.035 - lh*0.94}, {cx - lw*0.1, y1 - H*0.035 - lh*0.94}, {cx - lw*0.3, y1 - H*0.035 - lh*0.06}, {cx - lw*0.46, y1 - H*0.035 - lh*0.06}}, rgb{255, 255, 255}, 0.1)
	}
	finish(c, r, func(y float64) float64 { return clamp01((y/H - 0.85) * 2) }, 0.35, 3.5)
	return encodeJPEG(c.img)
}

// finish makes a drawing read as a photograph: blur by depth (blur(y) in
// 0..1), bloom around bright light, vignetting, a warm S-curve and grain.
func finish(c *canvas, r *rng, blur func(y float64) float64, vignette, grain float64) {
	w, h := c.w, c.h
	src := make([]float32, w*h*3)
	for i := range w * h {
		p := c.img.Pix[i*4:]
		src[i*3], src[i*3+1], src[i*3+2] = float32(p[0]), float32(p[1]), float32(p[2])
	}
	soft := boxBlur(boxBlur(src, w, h, max(1, w/400)), w, h, max(1, w/400))
	bloom := make([]float32, len(src))
	for i := range bloom {
		bloom[i] = max(src[i]-200, 0)
	}
	bloom = boxBlur(boxBlur(bloom, w, h, max(2, w/80)), w, h, max(2, w/80))
	for y := range h {
		t := float32(blur(float64(y) + 0.5))
		ny := (float64(y)/float64(h) - 0.5) * 2
		for x := range w {
			nx := (float64(x)/float64(w) - 0.5) * 2
			v := float32(1 - vignette*0.3*(nx*nx*0.6+ny*ny*0.8))
			i := (y*w + x) * 3
			n := float32((r.float() + r.float() - 1) * grain)
			for ch := range 3 {
				s := src[i+ch]*(1-t) + soft[i+ch]*t + bloom[i+ch]*1.4
				s = s * v / 255
				s = s*s*(3-2*s)*0.35 + s*0.65 // a gentle S-curve
				warm := [3]float32{1.03, 1.0, 0.95}[ch]
				c.img.Pix[(y*w+x)*4+ch] = uint8(min(max(s*255*warm+n, 0), 255))
			}
			c.img.Pix[(y*w+x)*4+3] = 255
		}
	}
}

// boxBlur blurs interleaved RGB floats by a box of radius rad, across and
// then down, with running sums; the pass down keeps a sum per column and
// walks the rows in order, which the cache likes.
func boxBlur(in []float32, w, h, rad int) []float32 {
	tmp := make([]float32, len(in))
	out := make([]float32, len(in))
	norm := 1 / float32(2*rad+1)
	stride := w * 3
	for y := range h {
		row, dst := in[y*stride:(y+1)*stride], tmp[y*stride:(y+1)*stride]
		for ch := range 3 {
			at := func(x int) float32 { return row[min(max(x, 0), w-1)*3+ch] }
			var sum float32
			for x := -rad; x <= rad; x++ {
				sum += at(x)
			}
			for x := range w {
				dst[x*3+ch] = sum * norm
				sum += at(x+rad+1) - at(x-rad)
			}
		}
	}
	sums := make([]float32, stride)
	rowAt := func(y int) []float32 { y = min(max(y, 0), h-1); return tmp[y*stride : (y+1)*stride] }
	for y := -rad; y <= rad; y++ {
		for i, v := range rowAt(y) {
			sums[i] += v
		}
	}
	for y := range h {
		dst := out[y*stride : (y+1)*stride]
		for i, v := range sums {
			dst[i] = v * norm
		}
		add, sub := rowAt(y+rad+1), rowAt(y-rad)
		for i := range sums {
			sums[i] += add[i] - sub[i]
		}
	}
	return out
}

func encodeJPEG(img image.Image) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 88}); err != nil {
		panic("demo: jpeg: " + err.Error()) // only for an invalid image, which the canvas never is
	}
	return buf.Bytes()
}

// logoPNG is a partner's logo: an emblem in its colour and its initials,
// as a PNG on white.
func logoPNG(initials string, hue float64, shape int) []byte {
	const w, h = 420, 140
	c := newCanvas(w, h)
	defer c.release()
	c.gradient(rgb{255, 255, 255}, rgb{255, 255, 255}, 0)
	col := hsl(hue, 0.65, 0.4)
	cx, cy, rad := 70.0, 70.0, 52.0
	switch shape % 3 {
	case 0:
		c.ring(cx, cy, rad*0.8, rad*0.2, col, 1)
		c.poly([]pt{{cx, cy - rad*0.5}, {cx + rad*0.45, cy + rad*0.35}, {cx - rad*0.45, cy + rad*0.35}}, col.mix(rgb{240, 180, 20}, 0.6), 1)
	case 1:
		c.roundRect(cx-rad, cy-rad, cx+rad, cy+rad, rad*0.3, col, 1)
		c.poly([]pt{{cx - rad*0.6, cy + rad*0.5}, {cx, cy - rad*0.6}, {cx + rad*0.6, cy + rad*0.5}}, rgb{255, 255, 255}, 1)
	default:
		c.circle(cx, cy, rad, col, 1)
		c.ring(cx, cy, rad*0.5, rad*0.12, rgb{255, 255, 255}, 1)
		c.rect(cx-rad*0.08, cy-rad*0.85, cx+rad*0.08, cy+rad*0.85, rgb{255, 255, 255}, 1)
	}
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), c.img, image.Point{}, draw.Src)
	if ft, err := opentype.Parse(gobold.TTF); err == nil {
		if face, err := opentype.NewFace(ft, &opentype.FaceOptions{Size: 64, DPI: 72, Hinting: font.HintingFull}); err == nil {
			d := &font.Drawer{Dst: img, Src: image.NewUniform(color.NRGBA{uint8(col.r * 0.7), uint8(col.g * 0.7), uint8(col.b * 0.7), 255}),
				Face: face, Dot: fixed.P(140, 94)}
			d.DrawString(initials)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic("demo: png: " + err.Error())
	}
	return buf.Bytes()
}

// qrPNG is a QR code of text, as a PNG with a quiet zone.
func qrPNG(text string) []byte {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		panic("demo: qr: " + err.Error()) // a short fixed text always fits
	}
	const scale, quiet = 8, 4
	n := code.Size
	img := image.NewGray(image.Rect(0, 0, (n+2*quiet)*scale, (n+2*quiet)*scale))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	for y := range n {
		for x := range n {
			if code.Black(x, y) {
				for dy := range scale {
					for dx := range scale {
						img.SetGray((x+quiet)*scale+dx, (y+quiet)*scale+dy, color.Gray{})
					}
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic("demo: png: " + err.Error())
	}
	return buf.Bytes()
}
