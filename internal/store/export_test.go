package store

// SwapNewCode makes ticket codes come from f until restore is called, so a
// test can force a collision. Not for parallel tests.
func SwapNewCode(f func() string) (restore func()) {
	old := newCode
	newCode = f
	return func() { newCode = old }
}
