// Mapathy UI — the journey board view's strings, German and English (registered from journey_view.cpp
// through registerJourneyStrings(), so the table is linked whenever the view is).
#include "ui/i18n.hpp"
#include "ui/journey_view.hpp"

namespace mapathy::ui {

namespace {

// clang-format off
const UiString kJourneyStrings[] = {
    // ---- stages and lanes
    {"journey.addStage", "Add stage", "Phase hinzufügen"},
    {"journey.addStageTip", "Add a stage at the end of the journey", "Am Ende der Reise eine Phase hinzufügen"},
    {"journey.addLane", "Add lane", "Ebene hinzufügen"},
    {"journey.addLaneTip", "Add a row: notes, an emotion curve or expectation vs experience",
                           "Eine Zeile hinzufügen: Notizen, Emotionskurve oder Erwartung vs. Erlebnis"},
    {"journey.stageName", "Stage name", "Name der Phase"},
    {"journey.stageDescription", "What happens in this stage?", "Was passiert in dieser Phase?"},
    {"journey.stageRenameTip", "Click to rename; drag to reorder", "Klicken zum Umbenennen; ziehen zum Verschieben"},
    {"journey.descriptionTip", "Click to describe the stage", "Klicken, um die Phase zu beschreiben"},
    {"journey.laneName", "Lane name", "Name der Ebene"},
    {"journey.laneRenameTip", "Click to rename; drag to reorder", "Klicken zum Umbenennen; ziehen zum Verschieben"},
    {"journey.stageLeft", "Move stage left", "Phase nach links"},
    {"journey.stageRight", "Move stage right", "Phase nach rechts"},
    {"journey.stageDelete", "Delete stage (and its notes)", "Phase löschen (mit ihren Notizen)"},
    {"journey.laneUp", "Move lane up", "Ebene nach oben"},
    {"journey.laneDown", "Move lane down", "Ebene nach unten"},
    {"journey.laneDelete", "Delete lane (and its notes)", "Ebene löschen (mit ihren Notizen)"},
    {"journey.emptyBoard", "This journey has no stages yet. Add the first stage: where does the customer's path begin?",
                           "Diese Reise hat noch keine Phasen. Füge die erste hinzu: Wo beginnt der Weg der Kundschaft?"},
    {"journey.noLanes", "Add a lane for what the customer does, thinks and feels in each stage.",
                        "Füge eine Ebene hinzu für das, was die Person in jeder Phase tut, denkt und fühlt."},

    // ---- lane kinds (picker and default names)
    {"journey.pickKind", "What kind of lane?", "Welche Art von Ebene?"},
    {"journey.kindText", "Notes", "Notizen"},
    {"journey.kindEmotion", "Emotion curve", "Emotionskurve"},
    {"journey.kindExpectation", "Expectation vs experience", "Erwartung vs. Erlebnis"},
    {"journey.role.actions", "Actions", "Aktionen"},
    {"journey.role.touchpoints", "Touchpoints & channels", "Touchpoints & Kanäle"},
    {"journey.role.thoughts", "Thoughts", "Gedanken"},
    {"journey.role.painpoints", "Pain points", "Schmerzpunkte"},
    {"journey.role.opportunities", "Opportunities", "Chancen"},
    {"journey.role.quotes", "Quotes", "Zitate"},
    {"journey.role.custom", "Custom notes lane", "Eigene Notiz-Ebene"},
    {"journey.role.customName", "New lane", "Neue Ebene"},
    {"journey.emotionName", "Emotions", "Emotionen"},
    {"journey.expectationName", "Expectation vs experience", "Erwartung vs. Erlebnis"},
    {"journey.hint.actions", "What does the customer do?", "Was tut die Person?"},
    {"journey.hint.touchpoints", "Where do they meet us: channel, place, person?", "Wo trifft die Person uns: Kanal, Ort, Mensch?"},
    {"journey.hint.thoughts", "What goes through their mind?", "Was geht der Person durch den Kopf?"},
    {"journey.hint.painpoints", "What hurts, annoys, blocks them?", "Was schmerzt, nervt, blockiert?"},
    {"journey.hint.opportunities", "Where can we do better?", "Wo können wir es besser machen?"},
    {"journey.hint.quotes", "What did they say, word for word?", "Was hat die Person wörtlich gesagt?"},
    {"journey.hint.emotion", "Highs and lows: drag a face up or down.", "Hochs und Tiefs: ein Gesicht nach oben oder unten ziehen."},
    {"journey.hint.expectation", "Where expectation and experience drift apart.", "Wo Erwartung und Erlebnis auseinandergehen."},

    // ---- cells
    {"journey.addNote", "Add note", "Notiz hinzufügen"},
    {"journey.emptyCell", "Double-click to add", "Doppelklick zum Hinzufügen"},
    {"journey.emptyCellTouch", "Double-tap to add", "Doppeltippen zum Hinzufügen"},

    // ---- emotion curve
    {"journey.toBe", "To-be curve", "Soll-Kurve"},
    {"journey.toBeTip", "Show a second curve: how it should feel once we have acted",
                        "Eine zweite Kurve zeigen: wie es sich anfühlen soll, wenn wir gehandelt haben"},
    {"journey.asIs", "As-is", "Ist"},
    {"journey.toBeShort", "To-be", "Soll"},
    {"journey.score.m2", "Very negative", "Sehr negativ"},
    {"journey.score.m1", "Negative", "Negativ"},
    {"journey.score.0", "Neutral", "Neutral"},
    {"journey.score.p1", "Positive", "Positiv"},
    {"journey.score.p2", "Very positive", "Sehr positiv"},
    {"journey.dragHint", "Drag up or down to change", "Nach oben oder unten ziehen zum Ändern"},
    {"journey.notRated", "Not rated yet: click or drag to rate", "Noch nicht bewertet: klicken oder ziehen"},
    {"journey.reasonPlaceholder", "Why? Add a reason", "Warum? Begründung ergänzen"},
    {"journey.reasonHint", "Why does it feel like this?", "Warum fühlt es sich so an?"},
    {"journey.clearScore", "Clear score", "Bewertung entfernen"},

    // ---- expectation vs experience
    {"journey.expectation", "Expectation", "Erwartung"},
    {"journey.experience", "Experience", "Erlebnis"},
    {"journey.gapWorse", "Experience falls short of expectation by %d", "Das Erlebnis bleibt um %d hinter der Erwartung zurück"},
    {"journey.gapBetter", "Experience beats expectation by %d", "Das Erlebnis übertrifft die Erwartung um %d"},
    {"journey.gapNone", "Experience meets expectation", "Das Erlebnis entspricht der Erwartung"},
};
// clang-format on

}  // namespace

void registerJourneyStrings() {
  static const bool kRegistered = [] {
    registerStrings(kJourneyStrings, sizeof(kJourneyStrings) / sizeof(kJourneyStrings[0]));
    return true;
  }();
  (void)kRegistered;
}

}  // namespace mapathy::ui
