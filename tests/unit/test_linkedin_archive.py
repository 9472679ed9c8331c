"""Finding the LinkedIn CSVs in what the member chose (docs/linkedin-export.md §1 rules 1-2,
§2.1-2.2): one zip, the Basic and Complete zips, loose CSVs or a mix, and every way an upload
can be unusable."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from ssi_coach.importers.linkedin.archive import KINDS, Collected, collect, kind_of
from ssi_coach.importers.linkedin.types import ImportRefused, Upload

CONNECTIONS = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
SHARES = b"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
BASIC = "Basic_LinkedInDataExport_01-30-2026.zip"
COMPLETE = "Complete_LinkedInDataExport_01-31-2026.zip"


def zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def collected(*uploads: Upload, **limits: int) -> Collected:
    result = collect(uploads, **limits)
    assert isinstance(result, Collected), result
    return result


def refused(*uploads: Upload, **limits: int) -> str:
    result = collect(uploads, **limits)
    assert isinstance(result, ImportRefused), result
    return result.message


def kinds(result: Collected) -> dict[str, str]:
    """The preferred file of each kind."""
    preferred: dict[str, str] = {}
    for file in result.files:
        preferred.setdefault(file.kind, file.name)
    return preferred


def copies(result: Collected, kind: str) -> list[str]:
    """Every file of one kind, the preferred first."""
    return [file.name for file in result.files if file.kind == kind]


# ---- file names -------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "kind"), [
    ("Connections.csv", "connections"),
    ("messages.csv", "messages"),
    ("Messages.csv", "messages"),  # 2018
    ("Invitations.csv", "invitations"),
    ("Shares.csv", "shares"),
    ("Shares_1234567890.csv", "shares"),  # member id since 2026
    ("Comments_12345678.csv", "comments"),
    ("Reactions_123456789.csv", "reactions"),
    ("Votes_123456789.csv", "votes"),
    ("InstantReposts_123456789.csv", "instant_reposts"),
    ("SearchQueries.csv", "search_queries"),
    ("Search Queries.csv", "search_queries"),  # 2018
    ("Recommendations_Received.csv", "recommendations_received"),
    ("Recommendations_Given.csv", "recommendations_given"),
    ("Endorsement_Received_Info.csv", "endorsements_received"),
    ("Endorsement_Given_Info.csv", "endorsements_given"),
    ("Profile.csv", "profile"),
    ("Positions.csv", "positions"),
    ("Education.csv", "education"),
    ("Certifications.csv", "certifications"),
    ("Courses.csv", "courses"),
    ("Volunteering.csv", "volunteering"),
    ("Skills.csv", "skills"),
    ("Languages.csv", "languages"),
    ("Rich_Media.csv", "rich_media"),
    ("Rich Media.csv", "rich_media"),  # Mar 2024
    ("RICH_MEDIA.CSV", "rich_media"),
    ("Complete_LinkedInDataExport_07-05-2026/Shares_987654321.csv", "shares"),
    ("Shares (1).csv", "shares"),
])
def test_recognised_names(name: str, kind: str) -> None:
    assert kind_of(name) == kind


@pytest.mark.parametrize("name", [
    "Receipts_v2.csv", "Profile Summary.csv", "learning_coach_messages.csv",
    "LearningCoachMessages.csv", "guide_messages.csv", "coach_messages.csv",
    "learning_role_play_messages.csv", "Company Follows.csv", "Member_Follows_123.csv",
    "Registration.csv", "Jobs/Job Applications.csv", "Shares.csv.bak", "Connections.txt",
    "MyShares.csv", "Articles/Articles/my-first-post.html",
])
def test_names_not_read(name: str) -> None:
    assert kind_of(name) is None


def test_every_kind_has_a_pattern() -> None:
    assert [kind for kind, _ in KINDS] == [
        "connections", "messages", "invitations", "shares", "comments", "reactions", "votes",
        "instant_reposts", "search_queries", "recommendations_received",
        "recommendations_given", "endorsements_received", "endorsements_given", "profile",
        "positions", "education", "certifications", "courses", "volunteering", "skills",
        "languages", "rich_media"]


# ---- one zip ----------------------------------------------------------------------------------

def test_one_zip_at_the_root() -> None:
    data = zip_bytes({"Shares_1234567.csv": SHARES, "Connections.csv": CONNECTIONS,
                      "Receipts_v2.csv": b"x\n", "Jobs/Saved Jobs.csv": b"x\n"})
    result = collected(Upload(COMPLETE, data))
    assert kinds(result) == {"connections": f"{COMPLETE} › Connections.csv",
                             "shares": f"{COMPLETE} › Shares_1234567.csv"}
    assert [file.kind for file in result.files] == ["connections", "shares"]  # KINDS order
    assert result.files[0].data == CONNECTIONS
    assert set(result.ignored) == {f"{COMPLETE} › Receipts_v2.csv",
                                   f"{COMPLETE} › Jobs/Saved Jobs.csv"}
    assert result.problems == ()


def test_a_top_level_folder_mac_resource_forks_and_hidden_files() -> None:
    folder = "Complete_LinkedInDataExport_07-05-2026/"
    data = zip_bytes({folder + "Connections.csv": CONNECTIONS,
                      "__MACOSX/" + folder + "._Connections.csv": b"\x00\x05\x16\x07",
                      folder + ".DS_Store": b"\x00\x00\x00\x01Bud1",
                      "._Shares.csv": b"\x00"})
    result = collected(Upload("export.zip", data))
    assert kinds(result) == {"connections": f"export.zip › {folder}Connections.csv"}
    assert result.ignored == ()


def test_folder_entries_are_not_listed() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.mkdir("Articles")
        archive.writestr("Articles/Articles/post.html", b"<title>Post</title>")
        archive.writestr("Skills.csv", b"Name\nPython\n")
    result = collected(Upload("export.zip", buffer.getvalue()))
    assert result.ignored == ("export.zip › Articles/Articles/post.html",)


def test_message_files_other_than_messages_csv_are_ignored() -> None:
    data = zip_bytes({"messages.csv": b"FROM,DATE,CONTENT\n",
                      "guide_messages.csv": b"FROM,DATE,CONTENT\n",
                      "learning_coach_messages.csv": b"FROM,DATE,CONTENT\n",
                      "LearningCoachMessages.csv": b"No conversations found\n"})
    result = collected(Upload("export.zip", data))
    assert kinds(result) == {"messages": "export.zip › messages.csv"}
    assert len(result.ignored) == 3


def test_the_zip_name_does_not_matter() -> None:
    data = zip_bytes({"Skills.csv": b"Name\nPython\n"})
    for name in ("Basic_LinkedInDataExport_01-30-2026.zip.zip",
                 "Complete_LinkedInDataExport_07-05-2026 (1).zip", "whatever.ZIP"):
        assert kinds(collected(Upload(name, data))) == {"skills": f"{name} › Skills.csv"}


def test_two_spellings_of_one_file_in_one_zip_are_both_read_the_later_first() -> None:
    data = zip_bytes({"Rich Media.csv": b"Type,Link\n", "Rich_Media.csv": b"Date/Time\n"})
    result = collected(Upload("export.zip", data))
    assert copies(result, "rich_media") == ["export.zip › Rich_Media.csv",
                                            "export.zip › Rich Media.csv"]
    assert result.ignored == ()


# ---- Basic and Complete, loose files ----------------------------------------------------------

@pytest.mark.parametrize("complete_first", [True, False])
def test_the_complete_zip_comes_before_the_basic_one(complete_first: bool) -> None:
    basic = Upload(BASIC, zip_bytes({"Connections.csv": CONNECTIONS + b"basic\n",
                                     "Positions.csv": b"Company Name,Title\n"}))
    complete = Upload(COMPLETE, zip_bytes({"Connections.csv": CONNECTIONS + b"complete\n",
                                           "Shares.csv": SHARES}))
    uploads = (complete, basic) if complete_first else (basic, complete)
    result = collected(*uploads)
    assert kinds(result) == {"connections": f"{COMPLETE} › Connections.csv",
                             "shares": f"{COMPLETE} › Shares.csv",
                             "positions": f"{BASIC} › Positions.csv"}
    assert result.files[0].data.endswith(b"complete\n")
    assert copies(result, "connections") == [f"{COMPLETE} › Connections.csv",
                                             f"{BASIC} › Connections.csv"]
    assert result.ignored == ()


def test_the_basic_zip_alone_without_connections() -> None:
    basic = Upload(BASIC, zip_bytes({"Profile.csv": b"First Name,Last Name,Headline\n"}))
    assert kinds(collected(basic)) == {"profile": f"{BASIC} › Profile.csv"}


def test_without_a_complete_zip_the_later_upload_comes_first() -> None:
    first = Upload("first.zip", zip_bytes({"Skills.csv": b"Name\nA\n"}))
    second = Upload("second.zip", zip_bytes({"Skills.csv": b"Name\nB\n"}))
    result = collected(first, second)
    assert copies(result, "skills") == ["second.zip › Skills.csv", "first.zip › Skills.csv"]
    assert result.ignored == ()


def test_loose_csv_files() -> None:
    result = collected(Upload("Shares_123.csv", SHARES),
                       Upload("Connections.csv", CONNECTIONS),
                       Upload("Company Follows.csv", b"Organization,Followed On\n"))
    assert kinds(result) == {"connections": "Connections.csv", "shares": "Shares_123.csv"}
    assert result.ignored == ("Company Follows.csv",)


def test_a_zip_and_loose_files_together() -> None:
    result = collected(Upload(BASIC, zip_bytes({"Connections.csv": CONNECTIONS})),
                       Upload("Shares_123.csv", SHARES))
    assert kinds(result) == {"connections": f"{BASIC} › Connections.csv",
                             "shares": "Shares_123.csv"}


def test_an_empty_linkedin_csv_is_collected_for_the_reader_to_report() -> None:
    assert kinds(collected(Upload("Shares.csv", b""))) == {"shares": "Shares.csv"}


# ---- refusals ---------------------------------------------------------------------------------

def test_nothing_chosen() -> None:
    assert "No file was chosen" in refused()


def test_neither_zip_nor_csv() -> None:
    message = refused(Upload("Connections.xlsx", b"PK\x03\x04"))
    assert "Connections.xlsx is neither a .zip nor a .csv" in message


def test_a_random_zip_is_not_an_export() -> None:
    message = refused(Upload("holiday.zip", zip_bytes({"photo.jpg": b"\xff\xd8",
                                                       "notes.csv": b"a,b\n"})))
    assert message.startswith("holiday.zip has no files from a LinkedIn data export")
    assert "Connections.csv" in message


def test_csv_files_from_another_service() -> None:
    message = refused(Upload("contacts.csv", b"Name,Phone\nAda,555\n"), Upload("data.csv", b""))
    assert "(contacts.csv, data.csv)" in message
    assert "no files from a LinkedIn data export" in message


def test_a_file_that_is_not_really_a_zip() -> None:
    message = refused(Upload("export.zip", b"<html>Session expired</html>"))
    assert message.startswith("export.zip is damaged or is not a real zip file")
    assert "Download the export again" in message


def test_a_truncated_zip() -> None:
    data = zip_bytes({"Connections.csv": CONNECTIONS * 50, "Shares.csv": SHARES * 50})
    message = refused(Upload(COMPLETE, data[: len(data) * 2 // 3]))
    assert message.startswith(f"{COMPLETE} is damaged")


def _corrupt(data: bytes, marker: bytes) -> bytes:
    at = data.index(marker)
    return data[:at] + b"#" + data[at + 1:]


def test_a_damaged_member_is_a_problem_when_the_others_are_fine() -> None:
    data = zip_bytes({"Connections.csv": CONNECTIONS + b"Ada,Example,,,,,09 Jul 2026\n",
                      "Skills.csv": b"Name\nPython\n"}, zipfile.ZIP_STORED)
    result = collected(Upload("export.zip", _corrupt(data, b"Ada,Example")))  # bad CRC
    assert kinds(result) == {"skills": "export.zip › Skills.csv"}
    assert [problem.file for problem in result.problems] == ["export.zip › Connections.csv"]
    assert "damaged" in result.problems[0].message


def test_a_zip_whose_only_linkedin_file_is_damaged_is_refused() -> None:
    data = zip_bytes({"Skills.csv": b"Name\nPython\n"}, zipfile.ZIP_STORED)
    assert "could be unpacked" in refused(Upload("export.zip", _corrupt(data, b"Python")))


def test_an_encrypted_zip() -> None:
    data = bytearray(zip_bytes({"Connections.csv": CONNECTIONS}))
    central = data.index(b"PK\x01\x02")
    flags = struct.unpack_from("<H", data, central + 8)[0]
    struct.pack_into("<H", data, central + 8, flags | 0x1)  # "encrypted" in the directory
    assert "password-protected" in refused(Upload("export.zip", bytes(data)))


def test_an_upload_over_the_size_limit() -> None:
    big = b"x" * (3 * 1024 * 1024)
    message = refused(Upload("Connections.csv", big), max_upload_bytes=2 * 1024 * 1024)
    assert message.startswith("Connections.csv is 3 MB; LinkedIn exports are far smaller")


def test_a_zip_bomb_is_refused_from_its_declared_sizes() -> None:
    bomb = zip_bytes({"Shares.csv": SHARES + b"\n" * (4 * 1024 * 1024)})
    assert len(bomb) < 20_000  # small to download, large once unpacked
    message = refused(Upload("export.zip", bomb), max_unpacked_bytes=1024 * 1024)
    assert message.startswith("export.zip would unpack to 4 MB")


def test_the_unpack_limit_covers_all_zips_of_an_import() -> None:
    half = zip_bytes({"Shares.csv": SHARES + b"\n" * 600_000})
    other = zip_bytes({"Comments.csv": b"Date,Link,Message\n" + b"\n" * 600_000})
    message = refused(Upload(BASIC, half), Upload(COMPLETE, other),
                      max_unpacked_bytes=1024 * 1024)
    assert message.startswith(f"{COMPLETE} would unpack")


def test_files_that_are_not_read_do_not_count_towards_the_unpack_limit() -> None:
    data = zip_bytes({"Skills.csv": b"Name\nPython\n", "video.mp4": b"\x00" * 2_000_000})
    assert kinds(collected(Upload("export.zip", data), max_unpacked_bytes=1024 * 1024)) == {
        "skills": "export.zip › Skills.csv"}


def test_a_header_that_understates_the_size_is_a_damaged_member() -> None:
    data = bytearray(zip_bytes({"Connections.csv": CONNECTIONS + b"x" * 10_000,
                                "Skills.csv": b"Name\nPython\n"}, zipfile.ZIP_STORED))
    central = data.index(b"PK\x01\x02")  # the first member's directory entry
    struct.pack_into("<I", data, central + 24, 10)  # uncompressed size: 10 bytes
    result = collected(Upload("export.zip", bytes(data)))
    assert kinds(result) == {"skills": "export.zip › Skills.csv"}
    assert [problem.file for problem in result.problems] == ["export.zip › Connections.csv"]
