"""Network: what the LinkedIn export says about the member's network and habits (network size
and decision-maker share over time, seniority mix, acceptance and reply rates, active
weekdays), read from the counts-only `NetworkSummary` an import stores, ready to show.
"""
