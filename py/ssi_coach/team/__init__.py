"""Team: a coach's team members, each kept from their own share links, backups or CSV files,
side by side. `table` adds, renames and removes members, builds the team table with its
averages, medians, heat map and monthly trend, and writes the table as CSV; `links` finds
every share link in a pasted thread and adds many people at once, from links or files. The
coaching cycle builds on it: `targets` (on track or behind, per member and for the team),
`periods` (a month, quarter or custom range: changes, active-member averages, movers),
`segments` (tags, and leaderboards split by segment), `due` (who needs a fresh check-in,
stale data, the reminder to copy) and `cycle` (all of it for the Team view in one call);
`activity` sets the weekly activity people shared beside their SSI change over a period;
`report` is the monthly team report (leaderboard, movers, who is due, segments, activity)
as data, CSV and an Excel workbook.
"""
