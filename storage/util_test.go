//go:build sqlite_fts5

package storage

import (
	"runtime"
	"strconv"
)

func itoa(n int) string { return strconv.Itoa(n) }

func runtimeIsLinux() bool { return runtime.GOOS == "linux" }
