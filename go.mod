module github.com/dateline-news/dateline

go 1.26.8

require github.com/google/uuid v1.6.0

require (
	fyne.io/fyne/v2 v2.7.1 // indirect
	github.com/mattn/go-sqlite3 v1.14.53 // indirect
	github.com/yuin/goldmark v1.8.7 // indirect
)
