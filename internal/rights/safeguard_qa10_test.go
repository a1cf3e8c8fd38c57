package rights

import "testing"

// TestSafeguardingTenthQAPass holds the scorer to what a tenth QA pass as residents found
// missed: a wish for it all to end said inside a complaint, and a threat already made with the
// fear of being found, inside a request about records. The calm ones are their near misses: an
// office's threat of court, a wish that letters or noise stop.
func TestSafeguardingTenthQAPass(t *testing.T) {
	for _, m := range []struct {
		text     string
		selfHarm bool
	}{
		{"i cant cope anymore, the council shared my mental health info with my employer and now ive lost my job. i just want it all to end", true},
		{"i just want it all to end", true},
		{"I want the pain to stop.", true},
		{"some days i wish everything would just be over. i want it all to be over", true},
		{"please help my ex partner works at the council and i think hes been looking up my new address on the system. im terrified he'll turn up, he's already threatened me. can you stop him seeing my records", false},
		{"My ex has threatened me again and I'm scared he'll find me, can you hide my address?", false},
		{"my neighbour threatened me yesterday and I'm scared they'll come round tonight", false},
		// A verification QA pass: the same inside complaints and records requests.
		{"I want to complain, the way adult social care treated my dad is disgusting and honestly I can't cope any more, I've had enough of life", true},
		{"complaint: your bailiffs keep turning up, I'm at breaking point and thinking of ending things", true},
		{"i want to put in a complaint about the housing team. i cant do this anymore i just want to disappear forever", true},
		{"can i get my council tax file? my ex partner said he'd hurt me if he ever found me, please don't let him get my new address", false},
		// A QA pass of the chat's requests: the fear of being found, said at a request's details.
		{"he's threatening me and I'm scared he'll find where I live", false},
		{"I'm terrified she will find where I'm staying", false},
	} {
		got, tr := classify(m.text)
		if !got.Safeguarding {
			t.Errorf("%q must be urgent; %s", m.text, tr)
			continue
		}
		if got.SelfHarm != m.selfHarm {
			t.Errorf("%q: self-harm %v, want %v (the crisis lines come first for self-harm); %s", m.text, got.SelfHarm, m.selfHarm, tr)
		}
	}
	assertCalm(t, []string{
		"The council threatened me with court over my council tax. Can I see what they hold on me?",
		"my landlord threatened me with eviction, what data does housing keep about complaints?",
		"I want everything to stop being sent to my old address",
		"i just want the noise from next door to stop, who do i report it to?",
		"how long do you keep records of threats made to staff?",
		"I want this whole process to be over quickly, how long does a subject access request take?",
		"I've had enough of these letters, how do I stop you sending them?",
		"can my dad see my file? he'd never hurt me but I want to know what's in it",
		"I'm thinking of ending things with my energy supplier, do you share my details with them?",
		// A second review's near misses.
		"they'd beat us to the allotment if we didn't get there early, can I see the waiting list data?",
		"he'd hardly hurt me, can I see my son's file",
		"I want to disappear forever from your marketing lists, please delete my email",
	})
}

// A request the model alone takes for urgent is still read as the request it is: the
// conversation gives the safeguarding reply and takes it (a QA pass found 12 of 14 polite
// requests introducing the writer by name read as urgent by the model, and not taken).
func TestARequestTheModelAloneFlagsIsStillARequest(t *testing.T) {
	for _, text := range []string{
		"hi, I'm Kate and I want a copy of everything you hold on me please",
		"hi, I'm Tom and I'd like everything you've got on me please",
	} {
		got, tr := classify(text)
		if got.Type != Access || !got.Actionable {
			t.Errorf("%q: %s, actionable %v; want an access request; %s", text, got.Type, got.Actionable, tr)
		}
	}
}
