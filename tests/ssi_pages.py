"""Realistic pastes of linkedin.com/sales/ssi, shared by the parser's unit tests and the
browser tests (names, numbers and texts are made up; layouts follow docs/linkedin-export.md §4)."""

# §4.2 verbatim: its pillars sum to 23.323 but its caption says 20 (the doc mixes two
# examples), so the parser must refuse it.
SECTION_4_2 = """Your Social Selling Index

Industry SSI rank
Top 65%

Network SSI rank
Top 81%

Current Social Selling Index
20 out of 100

Four components of your score
12.275\tEstablish your professional brand
6\tFind the right people
3.1\tEngage with insights
1.948\tBuild relationships

People in your industry
31 out of 100
Sales professionals in the Software Development industry have an average SSI of 31.
You rank in the top 65%

People in your network
30 out of 100
People in your network have an average SSI of 30.
You rank in the top 81%
"""

# §4.2 with a caption that matches its pillars.
PAGE = SECTION_4_2.replace("20 out of 100", "23 out of 100")

RUSSIAN = """Ваш индекс эффективности продаж в соцсетях
Текущий индекс
23 из 100
Четыре компонента вашего индекса
12,275\tСоздавайте профессиональный бренд
6\tНаходите нужных людей
3,1\tВзаимодействуйте с контентом
1,948\tРазвивайте отношения
Люди в вашей отрасли
31 из 100
8\tСоздавайте профессиональный бренд
7\tНаходите нужных людей
9\tВзаимодействуйте с контентом
7\tРазвивайте отношения
"""

EMAIL = """Hi Anna,

Thanks for the call on Tuesday. As promised, the numbers: 12 demos, 5 proposals,
3 closed deals and 2 renewals this quarter.

Best regards,
Jonas
"""

PARTIAL = """Current Social Selling Index
21 out of 100
12.275\tEstablish your professional brand
6\tFind the right people
3.1\tEngage with insights
"""
