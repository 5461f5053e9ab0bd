"""Statistics: KPI tiles, a daily chart and a per-rule table over a range of local days."""
