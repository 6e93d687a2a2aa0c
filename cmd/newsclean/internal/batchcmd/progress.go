package batchcmd

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

// progress shows a bar on a terminal (pages done of the total known so
// far, pages/s, failures, ETA) and is silent otherwise. Error lines go
// through it so they do not tear the bar.
type progress struct {
	mu     sync.Mutex // serialises error lines when there is no bar
	errW   io.Writer
	p      *mpb.Progress
	bar    *mpb.Bar
	failed atomic.Int64
	total  atomic.Int64
	final  atomic.Bool
}

func newProgress(errW io.Writer, tty bool) *progress {
	pr := &progress{errW: errW}
	if !tty {
		return pr
	}
	pr.p = mpb.New(mpb.WithOutput(errW), mpb.WithWidth(40), mpb.WithRefreshRate(150*time.Millisecond))
	eta := decor.AverageETA(decor.ET_STYLE_GO)
	pr.bar = pr.p.AddBar(0,
		mpb.PrependDecorators(
			decor.Name("batch "),
			decor.CountersNoUnit("%d/%d"),
		),
		mpb.AppendDecorators(
			decor.AverageSpeed(0, " %.1f pages/s"),
			decor.Any(func(decor.Statistics) string {
				return fmt.Sprintf(", %d failed", pr.failed.Load())
			}),
			decor.Any(func(s decor.Statistics) string {
				if !pr.final.Load() {
					return ", ETA ?"
				}
				str, _ := eta.Decor(s)
				return ", ETA " + str
			}),
		),
	)
	return pr
}

// addTotal counts a document read from the sources.
func (pr *progress) addTotal(n int64) {
	t := pr.total.Add(n)
	if pr.bar != nil {
		pr.bar.SetTotal(t, false)
	}
}

// setTotal fixes the total once the sources are counted.
func (pr *progress) setTotal(n int64) {
	pr.final.Store(true)
	pr.total.Store(n)
	if pr.bar != nil {
		pr.bar.SetTotal(n, false)
	}
}

// done counts a written document.
func (pr *progress) done(failed bool) {
	if failed {
		pr.failed.Add(1)
	}
	if pr.bar != nil {
		pr.bar.Increment()
	}
}

// errorLine writes one line to stderr.
func (pr *progress) errorLine(line string) {
	if pr.p != nil {
		pr.p.Write([]byte(line))
		return
	}
	pr.mu.Lock()
	io.WriteString(pr.errW, line)
	pr.mu.Unlock()
}

// stop completes the bar and waits for its last frame.
func (pr *progress) stop() {
	if pr.p == nil {
		return
	}
	pr.bar.SetTotal(-1, true)
	pr.p.Wait()
	pr.p = nil
}
