"""The SSI page's words in every language the page reader knows: one `Locale` per language.

This is data, not code: `ssi_page` builds its patterns from it, so a language is added here
and nowhere else (docs/linkedin-export.md §4.3 lists the languages, and which phrases are
confirmed by a capture of the page and which are best guesses).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import PILLARS

__all__ = ["LOCALES", "Locale"]


@dataclass(frozen=True)
class Locale:
    """Every phrase of the SSI page the reader recognises, in one language.

    Phrases match case-insensitively, with any run of spaces or line breaks between words;
    in a sentence, `{n}` stands for a number and `{industry}` for the industry's name. A field
    left empty is wording not known in that language: without pillar labels the four pillars
    are taken in page order (low confidence); without headings the whole paste is one block,
    and the peers' tables are taken in page order (low confidence too). Which phrases are
    confirmed by a capture of the page and which are best guesses is listed in
    docs/linkedin-export.md §4.3 and §4.7; a wrong guess only fails to match. Adding a
    language is one entry here and one golden paste
    `tests/fixtures/ssi_pages/<code>-<layout>.txt` with its `.expected.json`.
    """

    code: str  # ISO 639-1; the prefix of its golden pastes
    decimal_mark: str  # "12.275" or "12,275" (numbers with either mark are read everywhere)
    out_of: str  # "<N> out of 100", a donut's caption; "<x> out of 25", a pillar's
    pillars: tuple[str, ...] = ()  # the four labels, in the order of model.PILLARS
    industry_rank: tuple[str, ...] = ()  # rank cards' labels (every wording seen)
    network_rank: tuple[str, ...] = ()
    top: str = ""  # the word beside a rank's "N%"
    own_score: str = ""  # the heading above the member's own score
    industry_section: str = ""  # headings of the comparisons, above each group's donut
    network_section: str = ""
    comparisons: tuple[str, ...] = ()  # other phrases that start the comparisons
    you_rank: tuple[str, ...] = ()  # "top N%" sentence under each comparison
    industry_average: tuple[str, ...] = ()
    network_average: tuple[str, ...] = ()
    status: tuple[str, ...] = ()  # a group's weekly line, word for word when unchanged
    week: tuple[str, ...] = ()  # the word (or its stem) any weekly line holds
    table_head: str = ""  # the hidden accessibility table's head row
    remaining: str = ""  # its last row: what is left of 100
    title: str = ""  # the index's name, as in "Your Social Selling Index"
    abbreviation: str = ""  # its short name, matched as a whole word


LOCALES: tuple[Locale, ...] = (
    Locale(
        code="en",
        decimal_mark=".",
        out_of="out of",
        pillars=tuple(p.label for p in PILLARS),  # the app's pillar names are the page's
        industry_rank=("Industry SSI rank",),
        network_rank=("Network SSI rank",),
        top="Top",
        own_score="Current Social Selling Index",
        industry_section="People in your industry",
        network_section="People in your network",
        comparisons=("Sales professionals in", "You rank in the top"),
        you_rank=("You rank in the top {n}%",),
        industry_average=(
            "Sales professionals in the {industry} industry have an average SSI of {n}",
            "Sales professionals in your industry have an average SSI of {n}",
        ),
        network_average=("People in your network have an average SSI of {n}",),
        status=("No change in the last week", "No change since last week"),
        week=("week",),
        table_head="Category value",
        remaining="Remaining points",
        title="Social Selling",
        abbreviation="SSI",
    ),
    Locale(
        code="pt",  # Brazilian Portuguese
        decimal_mark=",",
        out_of="de",
        pillars=("Estabelecer sua marca profissional", "Localizar as pessoas certas",
                 "Interagir oferecendo insights", "Criar relacionamentos"),
        industry_rank=("Classificação SSI do setor", "Classificação no setor"),
        network_rank=("Classificação SSI da rede", "Classificação na rede"),
        top="Primeiros",
        own_score="Social Selling Index atual",
        industry_section="Pessoas no seu setor",
        network_section="Pessoas na sua rede",
        comparisons=("Os profissionais de vendas", "Você está entre os primeiros"),
        you_rank=("Você está entre os primeiros {n}%",),
        industry_average=(
            "Os profissionais de vendas do setor {industry} têm um SSI médio de {n}",),
        network_average=("As pessoas da sua rede têm um SSI médio de {n}",),
        status=("Sem alterações na última semana",),
        week=("semana",),
        table_head="Categoria valor",
        remaining="Pontos restantes",
        title="Social Selling",
        abbreviation="SSI",
    ),
    Locale(
        code="es",
        decimal_mark=",",
        out_of="de",
        pillars=("Establece tu marca profesional", "Encuentra a las personas adecuadas",
                 "Interactúa ofreciendo información", "Crea relaciones"),
        industry_rank=("Clasificación SSI del sector",),
        network_rank=("Clasificación SSI de la red",),
        top="Mejor",
        own_score="Índice de ventas con las redes sociales actual",
        industry_section="Personas de tu sector",
        network_section="Personas de tu red",
        comparisons=("Los profesionales de ventas", "Estás entre el"),
        you_rank=("Estás entre el {n} % superior",),
        industry_average=(
            "Los profesionales de ventas del sector {industry} tienen un SSI medio de {n}",),
        network_average=("Las personas de tu red tienen un SSI medio de {n}",),
        status=("Sin cambios en la última semana",),
        week=("semana",),
        table_head="Categoría valor",
        remaining="Puntos restantes",
        title="índice de ventas con las redes sociales",
        abbreviation="SSI",
    ),
    Locale(
        code="fr",
        decimal_mark=",",
        out_of="sur",
        pillars=("Construire votre marque professionnelle", "Trouver les bonnes personnes",
                 "Échanger des informations", "Établir des relations"),
        industry_rank=("Classement SSI du secteur",),
        network_rank=("Classement SSI du réseau",),
        top="Top",
        own_score="Social Selling Index actuel",
        industry_section="Personnes de votre secteur",
        network_section="Personnes de votre réseau",
        comparisons=("Les professionnels de la vente", "Vous faites partie des"),
        you_rank=("Vous faites partie des {n} % premiers",),
        industry_average=("Les professionnels de la vente du secteur {industry} ont un SSI "
                          "moyen de {n}",),
        network_average=("Les personnes de votre réseau ont un SSI moyen de {n}",),
        status=("Aucun changement au cours de la dernière semaine",),
        week=("semaine",),
        table_head="Catégorie valeur",
        remaining="Points restants",
        title="Social Selling",
        abbreviation="SSI",
    ),
    Locale(
        code="ru",
        decimal_mark=",",
        out_of="из",
        pillars=("Создавайте профессиональный бренд", "Находите нужных людей",
                 "Взаимодействуйте с контентом", "Развивайте отношения"),
        week=("недел",),
    ),
    Locale(code="de", decimal_mark=",", out_of="von", week=("Woche",)),
    Locale(code="pl", decimal_mark=",", out_of="na", week=("tydzie", "tygodn")),
)
