"""Rare details told by the shape of a phrase that the finders had no frame for (invented texts): a
rescue told with how long it took, a person recorded for an archive, the first of a group of people, a
deed after "the only <person>", a birth in the air, being a twin, organs on the unusual side, a part taken
by a thing, a collection, an everyday job made rare by what was driven, a fall through the ice; and the
ordinary look-alikes each frame leaves."""

from __future__ import annotations

import pytest

from helpers import finder_hits

#: family of finders | invented text | the phrase it finds
FINDS = """
events | Rescuers dug us out after two days beneath the debris. | dug us out after two days beneath the debris
events | Grandad was recorded for a dialect archive. | was recorded for a dialect archive
events | He was interviewed for a documentary about the strike. | was interviewed for a documentary
events | He fell through the ice of the mill pond. | fell through the ice of the mill pond
events | As a boy she fell down a mineshaft. | fell down a mineshaft
events | Back then I rolled my lorry, drunk, on the motorway. | rolled my lorry, drunk
events | He overturned the tractor on the slope. | overturned the tractor
patterns | He was the only boy driving a pony trap in the parish. | was the only boy driving a pony trap in the parish
patterns | She became the first Tongan woman harbourmaster at the port. | became the first Tongan woman
patterns | Oddly, he was born midair over the ocean. | was born midair over the ocean
patterns | He was born on a flight to Rome. | was born on a flight to Rome
patterns | He collects old bus tickets from the sixties. | collects old bus tickets
patterns | He drove a trap from Kinvarra to Tullow fair in 1987. | drove a trap from Kinvarra to Tullow fair
patterns | She was the newscaster on a farming radio programme. | was the newscaster on a farming radio programme
patterns | He ran the old Latvian cinema on the high street. | ran the old Latvian cinema
patterns | He repairs pianos for a riding school. | repairs pianos for a riding school
family | Being an identical twin with an older brother is hard. | an identical twin with an older brother
family | Her mum is a twin. | is a twin
family | She raised thirteen grandchildren on her own. | raised thirteen grandchildren on her own
body | He was born with his spleen on the right side. | was born with his spleen on the right side
body | Her organs are on the opposite side. | Her organs are on the opposite side
body | Three toes missing on his left foot, from the war. | Three toes missing on his left foot
verbs | The chainsaw took two of his fingers. | The chainsaw took two of his fingers
verbs | In the quarry the blast took her left eye. | the blast took her left eye
biography | She drove a jitney bus for twelve years. | drove a jitney bus for twelve years
practice | The balalaika playing in the yard must stop by ten. | The balalaika playing
verbs | She got silver in the high jump at the youth games. | got silver in the high jump at the youth games
handmade | Dervla still makes copper pots and pans by hand. | still makes copper pots and pans by hand
patterns | Before that he ran the old opera theatre downtown. | ran the old opera theatre downtown
"""

#: family of finders | invented text it leaves alone
LOOK_ALIKES = """
events | They talked me out after an hour in the meeting.
events | The session was recorded for training purposes.
events | I was interviewed for a job at the bank.
events | He went through a rough patch last year.
events | She fell into a deep sleep.
events | We rolled the car into the garage.
events | He rolled his eyes.
patterns | He was the only man waiting at the bus stop.
patterns | It was the first Chinese restaurant in the street.
patterns | She was born at home.
patterns | The fieldwork ran from March to June in 2019.
patterns | He collects dirty glasses at the pub on Fridays.
patterns | She collects the kids from school.
patterns | He went to the cinema on Friday.
patterns | She used to play piano in a bar.
patterns | He fixed the carburettor last week.
patterns | He mended the trellis on Sunday.
patterns | He makes the cider at his uncle's farm.
family | They booked a twin room.
family | She has nine grandchildren and two dogs.
body | He has his stomach on the left side.
body | The ache in his heart on the left side is worse.
body | Two buttons missing on his coat.
verbs | The nurse took my arm and helped me up.
verbs | I took my eye off the road for a second.
verbs | He took my hand.
biography | She drove a bus along the coast for twelve years.
practice | The guitar playing next door is loud.
practice | She got cross and threw the colander at him.
practice | She painted the gazebo yesterday.
verbs | He got gold stars on his spelling test.
verbs | I got the silver out for the visitors.
handmade | He makes tea and toast by hand.
"""


def rows(table: str) -> list[tuple[str, ...]]:
    return [tuple(cell.strip() for cell in line.split("|")) for line in table.strip().splitlines()]


@pytest.mark.parametrize(("family", "text", "phrase"), rows(FINDS))
def test_finds(detector, family: str, text: str, phrase: str) -> None:
    assert phrase in finder_hits(detector, family, text)


@pytest.mark.parametrize(("family", "text"), rows(LOOK_ALIKES))
def test_leaves_the_look_alikes(detector, family: str, text: str) -> None:
    assert finder_hits(detector, family, text) == []
