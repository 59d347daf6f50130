package style

import (
	"strconv"
	"strings"

	"github.com/dateline-news/dateline/editor"
)

func checkRepeated(l *linter, r *Rule, ps []para, k int) {
	p := &ps[k]
	ws := p.words()
	for i := 1; i < len(ws); i++ {
		a, b := ws[i-1], ws[i]
		if strings.TrimSpace(p.text[a[1]:b[0]]) != "" || strings.Contains(p.text[a[1]:b[0]], "\n") {
			continue
		}
		wa, wb := strings.ToLower(p.text[a[0]:a[1]]), strings.ToLower(p.text[b[0]:b[1]])
		if wa != wb || l.t.words[r.ID][wa] {
			continue
		}
		l.add(r, p, a[0], b[1], p.text[b[0]:b[1]])
	}
}

func checkLongSentence(l *linter, r *Rule, ps []para, k int) {
	p := &ps[k]
	limit := l.cfg.MaxSentenceWords
	for _, sn := range sentences(p.text, l.t.abbrev) {
		if n := editor.CountWords(p.text[sn[0]:sn[1]]); n > limit {
			l1, s := p.pos(sn[0])
			l2, e := p.pos(sn[1])
			text := l.lines[l1][s:]
			if l1 == l2 {
				text = l.lines[l1][s:e]
			}
			l.addText(r, l1, s, l2, e, text, strconv.Itoa(limit), strconv.Itoa(n))
		}
	}
}
