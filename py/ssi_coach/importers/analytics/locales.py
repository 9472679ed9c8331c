"""The analytics workbooks' words in every language the reader knows: sheet names, labels and
the "below 1 %" text, each mapped to what it means.

This is data, not code: the reader matches these case-insensitively (spaces trimmed, a
trailing colon ignored), so a language is added here and nowhere else. English is read from
real exports; the Portuguese words are reported by others or guessed (README.md says which),
and a wrong guess only fails to match: the reader then falls back on the sheet's shape.
"""

from __future__ import annotations

# Aggregate workbook roles and the sheet names that play them, with their language.
DISCOVERY, ENGAGEMENT, TOP_POSTS, FOLLOWERS = "discovery", "engagement", "top posts", "followers"
AUDIENCE, CONTENT = "audience", "content"  # DEMOGRAPHICS / AUDIENCE DEMOGRAPHICS, CONTENT …
SINGLE, SINGLE_DEMOGRAPHICS = "single", "single demographics"  # Post analytics, PERFORMANCE …

SHEET_NAMES: dict[str, tuple[tuple[str, str], ...]] = {  # role -> (name, language)
    DISCOVERY: (("discovery", "en"), ("descoberta", "pt")),
    ENGAGEMENT: (("engagement", "en"), ("engajamento", "pt")),
    TOP_POSTS: (("top posts", "en"), ("publicações mais em alta", "pt")),
    FOLLOWERS: (("followers", "en"), ("seguidores", "pt")),
    AUDIENCE: (("demographics", "en"), ("audience demographics", "en"),
               ("dados demográficos do público", "pt"), ("dados demográficos", "pt")),
    CONTENT: (("content demographics", "en"), ("dados demográficos do conteúdo", "pt")),
    SINGLE: (("post analytics", "en"), ("performance", "en"),
             ("análise da publicação", "pt"), ("desempenho", "pt")),
    SINGLE_DEMOGRAPHICS: (("top demographics", "en"), ("principais dados demográficos", "pt")),
}
AGGREGATE_ROLES = (DISCOVERY, ENGAGEMENT, TOP_POSTS, FOLLOWERS)
AGGREGATE_SHEETS_TEXT = "DISCOVERY, ENGAGEMENT, TOP POSTS, FOLLOWERS, DEMOGRAPHICS"

# Labels inside the sheets.
DATE_HEADERS = {"date": "en", "data": "pt"}  # ENGAGEMENT A1 and FOLLOWERS A3
OVERALL = {"overall performance": "en", "desempenho geral": "pt"}  # DISCOVERY A1
TOTAL_FOLLOWERS = ("total followers on", "total de seguidores em")  # FOLLOWERS A1 prefix
DEMOGRAPHICS_HEADERS = ("top demographics", "principais dados demográficos", "category",
                        "categoria")
BELOW_ONE = ("< 1%", "<1%", "menos de 1%", "< 1 %", "menos de 1 %")

# Demographic category labels, old (plural), 2026 (singular) and Portuguese, to model keys.
CATEGORIES: dict[str, str] = {
    "job titles": "job_title", "job title": "job_title", "cargo": "job_title",
    "cargos": "job_title",
    "locations": "location", "location": "location", "localidade": "location",
    "localidades": "location", "localização": "location",
    "industries": "industry", "industry": "industry", "setor": "industry",
    "setores": "industry",
    "seniority": "seniority", "nível de experiência": "seniority",
    "nível de senioridade": "seniority", "senioridade": "seniority",
    "company size": "company_size", "tamanho da empresa": "company_size",
    "companies": "company", "company": "company", "empresa": "company", "empresas": "company",
}
CATEGORY_PREFIXES = (("nível", "seniority"), ("tamanho", "company_size"))  # PT, unconfirmed

# Single-post key/value labels -> field: "url", "date", "time", "kind" or a POST_METRICS key.
SINGLE_LABELS: dict[str, tuple[str, str]] = {
    "post url": ("url", "en"), "post date": ("date", "en"),
    "post publish time": ("time", "en"), "post type": ("kind", "en"),
    "content type": ("kind", "en"), "media type": ("kind", "en"), "post format": ("kind", "en"),
    "impressions": ("impressions", "en"), "members reached": ("members_reached", "en"),
    "profile viewers from this post": ("profile_viewers", "en"),
    "profile viewers from post": ("profile_viewers", "en"),
    "followers gained from this post": ("followers_gained", "en"),
    "followers gained from post": ("followers_gained", "en"),
    "social engagements": ("social_engagements", "en"), "reactions": ("reactions", "en"),
    "comments": ("comments", "en"), "reposts": ("reposts", "en"), "saves": ("saves", "en"),
    "sends on linkedin": ("sends", "en"), "link engagements": ("link_engagements", "en"),
    "premium custom button engagements": ("button_engagements", "en"),
    # Portuguese: the guesses of one parser (format notes §5), and ours
    "url da publicação": ("url", "pt"), "data da publicação": ("date", "pt"),
    "horário de publicação": ("time", "pt"), "hora da publicação": ("time", "pt"),
    "tipo de publicação": ("kind", "pt"), "tipo de conteúdo": ("kind", "pt"),
    "impressões": ("impressions", "pt"), "usuários alcançados": ("members_reached", "pt"),
    "membros alcançados": ("members_reached", "pt"),
    "visualizações do perfil com origem nesta publicação": ("profile_viewers", "pt"),
    "seguidores obtidos com esta publicação": ("followers_gained", "pt"),
    "engajamentos sociais": ("social_engagements", "pt"), "reações": ("reactions", "pt"),
    "comentários": ("comments", "pt"), "compartilhamentos": ("reposts", "pt"),
    "salvamentos": ("saves", "pt"), "envios no linkedin": ("sends", "pt"),
    "engajamentos com o link": ("link_engagements", "pt"),
    "engajamentos com o botão personalizado premium": ("button_engagements", "pt"),
}


def folded(text: object) -> str:
    """A label as the tables above hold it: trimmed, lower-cased, no trailing colon."""
    return str(text).strip().rstrip(":").strip().lower() if text is not None else ""


def category_key(label: object) -> str | None:
    """The model's key for a demographics category label, or None."""
    text = folded(label)
    found = CATEGORIES.get(text)
    if found is None:
        found = next((key for prefix, key in CATEGORY_PREFIXES if text.startswith(prefix)),
                     None)
    return found
