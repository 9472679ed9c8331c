"""Team: a coach's team members, each kept from their own share links, backups or CSV files,
side by side. `table` adds, renames and removes members, builds the team table with its
averages, medians, heat map and monthly trend, and writes the table as CSV. The coaching
cycle builds on it: `targets` (on track or behind, per member and for the team), `periods`
(a month, quarter or custom range: changes, active-member averages, movers), `segments`
(tags, and leaderboards split by segment) and `due` (who needs a fresh check-in, stale data,
the reminder to copy).
"""
