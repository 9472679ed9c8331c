"""Peers: the member's pillars beside the averages of their industry and their network, as
the SSI page shows them. `compare` gives, for a check-in that carries those averages, each
pillar's gap to each group (own minus peers), the strongest and weakest pillar relative to
peers beside the absolutely weakest one, and how the gaps moved over the check-ins;
`market` splits a change between two check-ins into what the market did (the peers'
averages moved the same way) and what the member did, and flags a likely LinkedIn-wide
change; `events` names the events noted on check-ins. Standard library only: the numbers'
path, before any chart library loads.
"""
