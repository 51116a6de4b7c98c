// Mapathy core — built-in templates. Each template is a table of bilingual rows; a board is made by
// picking one language column. Ids are semantic and identical in both languages, so a board can be
// switched between German and English and Markdown import can match headings in either language.
#include "core/model/templates.hpp"

#include <array>

namespace mapathy {

namespace {

struct Text {
  const char* en;
  const char* de;
  [[nodiscard]] std::string in(Lang lang) const { return lang == Lang::De ? de : en; }
};

struct SectionRow {
  const char* id;
  Text title;
  Text hint;
  int colour;
  Rect rect;
};

struct EmpathyTemplate {
  const char* id;
  Text name;
  Text description;
  Rect personaRect;
  std::vector<SectionRow> sections;
};

struct StageRow {
  const char* id;
  Text name;
  Text description;
};

struct LaneRow {
  const char* id;
  Text name;
  LaneKind kind;
  const char* role;
};

struct JourneyTemplate {
  const char* id;
  Text name;
  Text description;
  std::vector<StageRow> stages;
  std::vector<LaneRow> lanes;
};

// ---- shared section rows (hints written once, used by several templates)
const SectionRow kSays{"says", {"Says", "Sagt"},
                       {"What do they say out loud? Quote them.", "Was sagt die Person laut? Zitiere sie."},
                       0, {}};
const SectionRow kThinks{"thinks", {"Thinks", "Denkt"},
                         {"What goes on in their head but stays unsaid? Worries, hopes, doubts.",
                          "Was geht in ihrem Kopf vor, bleibt aber unausgesprochen? Sorgen, Hoffnungen, Zweifel."},
                         1, {}};
const SectionRow kDoes{"does", {"Does", "Tut"},
                       {"What do they actually do? Behaviour you can watch, not intentions.",
                        "Was tut die Person tatsächlich? Beobachtbares Verhalten, keine Absichten."},
                       2, {}};
const SectionRow kFeels{"feels", {"Feels", "Fühlt"},
                        {"How do they feel? Name the emotion and what triggers it.",
                         "Wie fühlt sich die Person? Benenne das Gefühl und was es auslöst."},
                        3, {}};
const SectionRow kSees{"sees", {"Sees", "Sieht"},
                       {"What do they see around them: environment, offers, what others do?",
                        "Was sieht die Person um sich herum: Umfeld, Angebote, was andere tun?"},
                       4, {}};
const SectionRow kHears{"hears", {"Hears", "Hört"},
                        {"What do they hear from friends, colleagues, media and influencers?",
                         "Was hört die Person von Freunden, Kollegen, Medien und Vorbildern?"},
                        5, {}};
const SectionRow kPains{"pains", {"Pains", "Schmerzpunkte"},
                        {"Fears, frustrations and obstacles standing in their way.",
                         "Ängste, Frust und Hindernisse, die ihr im Weg stehen."},
                        6, {}};
const SectionRow kGains{"gains", {"Gains", "Gewinne"},
                        {"Wants, needs, hopes: what would success look like for them?",
                         "Wünsche, Bedürfnisse, Hoffnungen: Wie sähe Erfolg für sie aus?"},
                        7, {}};

SectionRow at(SectionRow row, Rect rect) {
  row.rect = rect;
  return row;
}

SectionRow with(SectionRow row, Text title, Text hint, Rect rect) {
  row.title = title;
  row.hint = hint;
  row.rect = rect;
  return row;
}

const std::vector<EmpathyTemplate>& empathyTemplates() {
  static const std::vector<EmpathyTemplate> kTemplates = {
      // Classic: a pinwheel of four rectangles around the persona on a 3×3 grid (Says top-left,
      // Thinks top-right, Feels bottom-right, Does bottom-left), so no two sections overlap.
      {"classic",
       {"Classic empathy map", "Klassische Empathy Map"},
       {"Says, Thinks, Does, Feels around the persona.", "Sagt, Denkt, Tut, Fühlt rund um die Persona."},
       {1, 1, 1, 1},
       {at(kSays, {0, 0, 2, 1}), at(kThinks, {2, 0, 1, 2}), at(kDoes, {0, 1, 1, 2}), at(kFeels, {1, 2, 2, 1})}},
      // Dave Gray's empathy-map canvas on a 4×4 grid: goal first, then see/say/do/hear around the
      // persona, think & feel split into pains and gains at the bottom.
      {"canvas",
       {"Empathy-map canvas", "Empathy-Map-Canvas"},
       {"Dave Gray's canvas: goal, see, say, do, hear, think & feel (pains and gains).",
        "Dave Grays Canvas: Ziel, Sehen, Sagen, Tun, Hören, Denken & Fühlen (Schmerzpunkte und Gewinne)."},
       {1, 1, 2, 2},
       {SectionRow{"goal", {"Goal", "Ziel"},
                   {"Who are we empathising with, and what do they need to do? What decision or job?",
                    "In wen fühlen wir uns ein, und was muss die Person erledigen? Welche Entscheidung, welche Aufgabe?"},
                   0, {0, 0, 1, 1}},
        with(kSees, {"See", "Sehen"},
             {"What do they see in the marketplace, in their surroundings, what others are doing?",
              "Was sieht die Person auf dem Markt, in ihrer Umgebung, bei anderen?"},
             {1, 0, 3, 1}),
        with(kSays, {"Say", "Sagen"},
             {"What have we heard them say? What can we imagine them saying? Quote them.",
              "Was haben wir die Person sagen hören? Was könnte sie sagen? Zitiere sie."},
             {3, 1, 1, 1}),
        with(kDoes, {"Do", "Tun"},
             {"What do they do today? What behaviour have we observed?",
              "Was tut die Person heute? Welches Verhalten haben wir beobachtet?"},
             {3, 2, 1, 1}),
        with(kHears, {"Hear", "Hören"},
             {"What are they hearing others say, from friends, colleagues, second-hand?",
              "Was hört die Person von anderen, von Freunden, Kollegen, aus zweiter Hand?"},
             {0, 1, 1, 2}),
        with(kPains, {"Think & Feel: Pains", "Denken & Fühlen: Schmerzpunkte"},
             {"What are their fears, frustrations and anxieties?",
              "Welche Ängste, Frustrationen und Sorgen hat die Person?"},
             {0, 3, 2, 1}),
        with(kGains, {"Think & Feel: Gains", "Denken & Fühlen: Gewinne"},
             {"What are their wants, needs, hopes and dreams?",
              "Welche Wünsche, Bedürfnisse, Hoffnungen und Träume hat die Person?"},
             {2, 3, 2, 1})}},
      // Customer empathy map on a 4×5 grid: thinks/feels above, hears/sees beside, says/does below
      // the persona, pains and gains in the bottom row.
      {"customer",
       {"Customer empathy map", "Kunden-Empathy-Map"},
       {"Sees, Hears, Thinks, Says, Does, Feels, plus Pains and Gains.",
        "Sieht, Hört, Denkt, Sagt, Tut, Fühlt, dazu Schmerzpunkte und Gewinne."},
       {1, 1, 2, 2},
       {at(kSees, {3, 1, 1, 2}), at(kHears, {0, 1, 1, 2}), at(kThinks, {0, 0, 2, 1}), at(kSays, {0, 3, 2, 1}),
        at(kDoes, {2, 3, 2, 1}), at(kFeels, {2, 0, 2, 1}), at(kPains, {0, 4, 2, 1}), at(kGains, {2, 4, 2, 1})}},
      {"empty",
       {"Empty empathy map", "Leere Empathy Map"},
       {"Only the persona; add your own sections.", "Nur die Persona; eigene Bereiche hinzufügen."},
       {0, 0, 1, 1},
       {}},
  };
  return kTemplates;
}

// ---- journey lanes shared by the journey templates
const LaneRow kActionsLane{"actions", {"Actions", "Aktionen"}, LaneKind::Text, "actions"};
const LaneRow kTouchpointsLane{"touchpoints", {"Touchpoints & channels", "Touchpoints & Kanäle"}, LaneKind::Text,
                               "touchpoints"};
const LaneRow kThoughtsLane{"thoughts", {"Thoughts", "Gedanken"}, LaneKind::Text, "thoughts"};
const LaneRow kEmotionsLane{"emotions", {"Emotions", "Emotionen"}, LaneKind::Emotion, ""};
const LaneRow kExpectationsLane{"expectations", {"Expectation vs experience", "Erwartung vs. Erlebnis"},
                                LaneKind::Expectation, ""};
const LaneRow kPainpointsLane{"painpoints", {"Pain points", "Schmerzpunkte"}, LaneKind::Text, "painpoints"};
const LaneRow kOpportunitiesLane{"opportunities", {"Opportunities", "Chancen"}, LaneKind::Text, "opportunities"};
const LaneRow kQuotesLane{"quotes", {"Quotes", "Zitate"}, LaneKind::Text, "quotes"};

const std::vector<JourneyTemplate>& journeyTemplates() {
  static const std::vector<JourneyTemplate> kTemplates = {
      {"lifecycle",
       {"Customer lifecycle journey", "Customer Journey (Lebenszyklus)"},
       {"From first hearing of you to staying loyal: six stages, seven lanes.",
        "Vom ersten Kontakt bis zur Treue: sechs Phasen, sieben Ebenen."},
       {{"awareness", {"Awareness", "Aufmerksamkeit"},
         {"How do they first hear of us? What triggers the need?",
          "Wie erfährt die Person zum ersten Mal von uns? Was löst den Bedarf aus?"}},
        {"consideration", {"Consideration", "Abwägung"},
         {"How do they compare options? Whom do they ask?",
          "Wie vergleicht die Person Angebote? Wen fragt sie?"}},
        {"purchase", {"Purchase", "Kauf"},
         {"How do they decide and buy? What almost stops them?",
          "Wie entscheidet und kauft die Person? Was hält sie fast davon ab?"}},
        {"use", {"Use", "Nutzung"},
         {"What is it like to use the product day to day?",
          "Wie ist die Nutzung im Alltag?"}},
        {"support", {"Support", "Service"},
         {"What happens when they need help? How long do they wait?",
          "Was passiert, wenn die Person Hilfe braucht? Wie lange wartet sie?"}},
        {"loyalty", {"Loyalty", "Treue"},
         {"Why do they stay, recommend us, or leave?",
          "Warum bleibt die Person, empfiehlt uns weiter oder geht?"}}},
       {kActionsLane, kTouchpointsLane, kThoughtsLane, kEmotionsLane, kExpectationsLane, kPainpointsLane,
        kOpportunitiesLane}},
      {"service",
       {"Service request journey", "Serviceanfrage"},
       {"A customer with a problem: from the trigger to the follow-up. Includes a quotes lane.",
        "Kundschaft mit einem Problem: vom Auslöser bis zur Nachbetreuung. Mit einer Ebene für Zitate."},
       {{"trigger", {"Problem occurs", "Problem tritt auf"},
         {"What goes wrong, and when do they notice?", "Was geht schief, und wann merkt die Person es?"}},
        {"contact", {"Get in touch", "Kontakt aufnehmen"},
         {"How do they find a way to reach us?", "Wie findet die Person einen Weg, uns zu erreichen?"}},
        {"waiting", {"Wait", "Warten"},
         {"Queues, forms, silence: what does waiting feel like?",
          "Warteschleife, Formulare, Funkstille: Wie fühlt sich Warten an?"}},
        {"resolution", {"Resolution", "Lösung"},
         {"Is the problem really solved? Did anyone listen?",
          "Ist das Problem wirklich gelöst? Hat jemand zugehört?"}},
        {"followup", {"Follow-up", "Nachbetreuung"},
         {"Do we check back? What do they tell others afterwards?",
          "Melden wir uns nochmal? Was erzählt die Person danach anderen?"}}},
       {kActionsLane, kTouchpointsLane, kThoughtsLane, kQuotesLane, kEmotionsLane, kExpectationsLane,
        kPainpointsLane, kOpportunitiesLane}},
      {"empty",
       {"Empty journey", "Leere Customer Journey"},
       {"No stages or lanes yet; build your own.", "Noch keine Phasen oder Ebenen; baue deine eigene."},
       {},
       {}},
  };
  return kTemplates;
}

std::string knownIds(BoardKind kind) {
  std::string out;
  auto add = [&out](const char* id) {
    if (!out.empty()) out += ", ";
    out += id;
  };
  if (kind == BoardKind::EmpathyMap) {
    for (const auto& t : empathyTemplates()) add(t.id);
  } else {
    for (const auto& t : journeyTemplates()) add(t.id);
  }
  return out;
}

}  // namespace

std::vector<TemplateInfo> listTemplates(Lang lang) {
  std::vector<TemplateInfo> out;
  for (const auto& t : empathyTemplates()) {
    out.push_back({t.id, BoardKind::EmpathyMap, t.name.in(lang), t.description.in(lang)});
  }
  for (const auto& t : journeyTemplates()) {
    out.push_back({t.id, BoardKind::Journey, t.name.in(lang), t.description.in(lang)});
  }
  return out;
}

Result<Board> makeBoard(BoardKind kind, const std::string& templateId, Lang lang) {
  Board board;
  board.kind = kind;
  board.lang = lang;
  board.templateId = templateId;
  if (kind == BoardKind::EmpathyMap) {
    for (const auto& t : empathyTemplates()) {
      if (templateId != t.id) continue;
      board.title = lang == Lang::De ? "Neue Empathy Map" : "New empathy map";
      board.personaRect = t.personaRect;
      for (const auto& row : t.sections) {
        Section s;
        s.id = row.id;
        s.title = row.title.in(lang);
        s.hint = row.hint.in(lang);
        s.colour = row.colour;
        s.rect = row.rect;
        board.sections.push_back(std::move(s));
      }
      return board;
    }
  } else {
    for (const auto& t : journeyTemplates()) {
      if (templateId != t.id) continue;
      board.title = lang == Lang::De ? "Neue Customer Journey" : "New customer journey";
      for (const auto& row : t.stages) {
        board.stages.push_back(Stage{row.id, row.name.in(lang), row.description.in(lang), {}});
      }
      for (const auto& row : t.lanes) {
        Lane lane;
        lane.id = row.id;
        lane.name = row.name.in(lang);
        lane.kind = row.kind;
        lane.role = row.role;
        board.lanes.push_back(std::move(lane));
      }
      return board;
    }
  }
  return Error{kind == BoardKind::EmpathyMap ? "template.unknownEmpathy" : "template.unknownJourney",
               {templateId, knownIds(kind)}};
}

}  // namespace mapathy
