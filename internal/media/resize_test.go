package media

import (
	"image"
	"image/color"
	"testing"

	"golang.org/x/image/draw"
)

// The streaming scaler draws what x/image/draw's Catmull-Rom Scale drew
// before, over white.
func TestRenderMatchesXImageDraw(t *testing.T) {
	t.Parallel()
	alpha := gradient(1000, 700)
	for i := 3; i < len(alpha.Pix); i += 4 {
		alpha.Pix[i] = uint8(i / 4 % 256)
	}
	ycc := image.NewYCbCr(image.Rect(0, 0, 1700, 900), image.YCbCrSubsampleRatio420)
	for i := range ycc.Y {
		ycc.Y[i] = uint8(i * 7)
	}
	for i := range ycc.Cb {
		ycc.Cb[i], ycc.Cr[i] = uint8(i*3), uint8(i*5)
	}
	frame := image.NewPaletted(image.Rect(300, 100, 900, 500), color.Palette{color.RGBA{}, color.RGBA{200, 30, 10, 255}, color.RGBA{0, 0, 200, 255}})
	for i := range frame.Pix {
		frame.Pix[i] = uint8(i % 3)
	}
	tests := []struct {
		name   string
		src    image.Image
		canvas image.Rectangle
		size   image.Point
	}{
		{"nrgba with alpha, to 480", alpha, alpha.Bounds(), image.Pt(480, 336)},
		{"ycbcr, to 1200", ycc, ycc.Bounds(), image.Pt(1200, 635)},
		{"ycbcr, to 480", ycc, ycc.Bounds(), image.Pt(480, 254)},
		{"same size", alpha, alpha.Bounds(), image.Pt(1000, 700)},
		{"one row", gradient(5000, 1), image.Rect(0, 0, 5000, 1), image.Pt(480, 1)},
		{"gif frame inside a larger screen", frame, image.Rect(0, 0, 1000, 600), image.Pt(480, 288)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := renderOnWhite(tt.src, tt.canvas, []image.Point{tt.size})[0]
			want := xImageDrawRender(tt.src, tt.canvas, tt.size)
			worst := 0
			for i := range got.Pix {
				worst = max(worst, absInt(int(got.Pix[i])-int(want.Pix[i])))
			}
			if worst > 1 {
				t.Errorf("differs from x/image/draw by up to %d levels", worst)
			}
		})
	}
}

func absInt(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// xImageDrawRender is how renditions were drawn before the streaming scaler:
// x/image/draw's Catmull-Rom over white.
func xImageDrawRender(src image.Image, canvas image.Rectangle, size image.Point) *image.RGBA {
	if src.Bounds() != canvas {
		full := image.NewNRGBA(canvas)
		draw.Draw(full, src.Bounds(), src, src.Bounds().Min, draw.Src)
		src = full
	}
	dst := image.NewRGBA(image.Rectangle{Max: size})
	draw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	if size == canvas.Size() {
		draw.Draw(dst, dst.Bounds(), src, canvas.Min, draw.Over)
	} else {
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, canvas, draw.Over, nil)
	}
	return dst
}
