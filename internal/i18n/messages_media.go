package i18n

// Why an uploaded image was refused, beyond its type and file size.
func init() {
	addMessages(map[string]map[string]string{
		"form.image_memory": {
			"zh": "这张图片太大，无法处理：像素过多或色深过高（例如每通道 16 位）。请另存为 8 位色的 JPEG 或 PNG（例如 4000 × 3000 像素以内）后重新上传。",
			"en": "This image is too big to process: it has too many pixels or too many bits a pixel (such as 16 bits a channel). Save it as an 8-bit JPEG or PNG, for example of at most 4000 × 3000 pixels, and upload it again.",
		},
		"form.image_busy": {
			"zh": "服务器正忙于处理其他图片，请稍后再上传一次。",
			"en": "The server is busy with other images. Please upload this one again in a moment.",
		},
	})
}
