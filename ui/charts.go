package ui

import (
	"fmt"
	"image"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"triagedesk/triage"
)

// The charts are drawn by gonum/plot into an image on a goroutine and shown with
// canvas.Image: a maintained library gives real axes, ticks, a legend and dashed
// target lines, and drawing to a picture keeps the work off the Fyne thread.

// chartSize is the drawn size; the image is scaled to fit its place on screen, so it
// is drawn at twice a typical size to stay sharp.
const (
	chartWidth  = 4.8 * vg.Inch
	chartHeight = 2.0 * vg.Inch
	chartDPI    = 200
)

// chartFont is a sans-serif face like the desk's own; gonum/plot embeds Liberation,
// so no system font is needed.
var chartFont = font.Font{Typeface: "Liberation", Variant: "Sans", Size: vg.Points(9)}

// dayTicks labels the x axis (one place per day, 0 to n-1) with dates: every day gets
// a tick mark, every seventh counting back from today a date, so 30 days stay legible.
func dayTicks(days []triage.DayCount) plot.Ticker {
	return plot.TickerFunc(func(min, max float64) []plot.Tick {
		var ticks []plot.Tick
		for i, d := range days {
			t := plot.Tick{Value: float64(i)}
			if (len(days)-1-i)%7 == 0 {
				t.Label = d.Day.Format("2 Jan")
			}
			ticks = append(ticks, t)
		}
		return ticks
	})
}

// newPlot is a plot in the desk's colours with a date axis for days.
func newPlot(days []triage.DayCount, ink chartInk, yLabel string) *plot.Plot {
	p := plot.New()
	p.BackgroundColor = ink.bg
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Color = ink.fg
		a.Label.TextStyle.Color = ink.fg
		a.Label.TextStyle.Font = chartFont
		a.Tick.Color = ink.fg
		a.Tick.Label.Color = ink.fg
		a.Tick.Label.Font = chartFont
	}
	p.Legend.TextStyle.Color = ink.fg
	p.Legend.TextStyle.Font = chartFont
	p.Legend.Top = true
	p.Legend.Left = true
	p.X.Label.Text = "Day received"
	p.Y.Label.Text = yLabel
	p.X.Tick.Marker = dayTicks(days)
	p.X.Min, p.X.Max = -0.5, float64(len(days))-0.5
	p.Y.Min = 0
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	grid.Horizontal.Color = withAlpha(ink.fg, 40)
	p.Add(grid)
	return p
}

// drawPerDay draws requests received (bars) and closed (a line) per day.
func drawPerDay(days []triage.DayCount, ink chartInk) (image.Image, error) {
	p := newPlot(days, ink, "Requests")
	recv := make(plotter.Values, len(days))
	closed := make(plotter.XYs, len(days))
	top := 1.0
	for i, d := range days {
		recv[i] = float64(d.Received)
		closed[i] = plotter.XY{X: float64(i), Y: float64(d.Closed)}
		top = max(top, float64(d.Received), float64(d.Closed))
	}
	if len(days) > 0 {
		bars, err := plotter.NewBarChart(recv, vg.Points(7))
		if err != nil {
			return nil, fmt.Errorf("draw the requests per day: %w", err)
		}
		bars.Color = ink.bar
		bars.LineStyle.Width = 0
		line, err := plotter.NewLine(closed)
		if err != nil {
			return nil, fmt.Errorf("draw the requests closed per day: %w", err)
		}
		line.Color = ink.line
		line.Width = vg.Points(2)
		p.Add(bars, line)
		p.Legend.Add("Received", bars)
		p.Legend.Add("Closed", line)
	}
	p.Y.Max = top * 1.45 // room for the legend above the tallest bar
	return render(p), nil
}

// drawPromise draws, for each day, the share of its settled requests answered within
// their due time, with the practice's target as a dashed line. Days with nothing due
// yet have no point.
func drawPromise(days []triage.DayCount, ink chartInk) (image.Image, error) {
	p := newPlot(days, ink, "Answered in time (%)")
	var pts plotter.XYs
	for i, d := range days {
		if share, ok := d.OnTimeShare(); ok {
			pts = append(pts, plotter.XY{X: float64(i), Y: share * 100})
		}
	}
	target := plotter.NewFunction(func(float64) float64 { return triage.PromiseTarget * 100 })
	target.Color = ink.target
	target.Width = vg.Points(1.5)
	target.Dashes = []vg.Length{vg.Points(6), vg.Points(4)}
	p.Add(target)
	p.Legend.Add(fmt.Sprintf("Target %.0f%%", triage.PromiseTarget*100), target)
	if len(pts) > 0 {
		line, points, err := plotter.NewLinePoints(pts)
		if err != nil {
			return nil, fmt.Errorf("draw the share answered in time: %w", err)
		}
		line.Color, points.Color = ink.bar, ink.bar
		line.Width = vg.Points(2)
		points.Shape = draw.CircleGlyph{}
		p.Add(line, points)
		p.Legend.Add("Answered in time", line, points)
	}
	p.Y.Max = 105
	p.Legend.Top = false // the points sit near the top; below them is empty
	p.Y.Tick.Marker = plot.ConstantTicks([]plot.Tick{{Value: 0, Label: "0"}, {Value: 25, Label: "25"}, {Value: 50, Label: "50"}, {Value: 75, Label: "75"}, {Value: 100, Label: "100"}})
	return render(p), nil
}

// render draws a plot into an image.
func render(p *plot.Plot) image.Image {
	c := vgimg.NewWith(vgimg.UseWH(chartWidth, chartHeight), vgimg.UseDPI(chartDPI))
	p.Draw(draw.New(c))
	return c.Image()
}

func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}
