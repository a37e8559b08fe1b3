package demo

import _ "embed"

// demoClip is a six-second 640×360 H.264 MP4 (no audio, faststart) of moving
// shapes, made with ffmpeg from a synthetic source, for the demo's video posts.
//
//go:embed media/expo-clip.mp4
var demoClip []byte
