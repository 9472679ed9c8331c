"""Team: a coach's team members, each kept from their own share links, backups or CSV files,
side by side. `table` adds, renames and removes members, builds the team table with its
averages, medians, heat map and monthly trend, and writes the table as CSV. `activity` sets
the weekly activity people shared beside their SSI change over a period; `report` is the
monthly team report (leaderboard, movers, who is due, segments, activity) as data, CSV and
an Excel workbook.
"""
