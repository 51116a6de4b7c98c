// Mapathy UI — strings of "Boards on this device" (the local library: rename, duplicate, delete) and of
// the browser platform's storage messages. Registered from App's constructor (registerLibraryStrings), so
// the table is linked even though nothing else refers to this file.
#include "ui/i18n.hpp"

namespace mapathy::ui {
namespace {

const UiString kLibraryStrings[] = {
    {"library.rename", "Rename", "Umbenennen"},
    {"library.duplicate", "Duplicate", "Duplizieren"},
    {"library.delete", "Delete", "Löschen"},
    {"library.copySuffix", " (copy)", " (Kopie)"},
    {"library.renameTitle", "Rename board", "Board umbenennen"},
    {"library.deleteTitle", "Delete board?", "Board löschen?"},
    {"library.deleteQuestion", "Delete \"%s\" from this device? This cannot be undone. Download it first if you "
                               "want to keep a copy.",
     "„%s“ von diesem Gerät löschen? Das lässt sich nicht rückgängig machen. Lade es vorher herunter, wenn du eine "
     "Kopie behalten willst."},
    {"library.deleteConfirm", "Delete for good", "Endgültig löschen"},
    {"library.shareNative", "Share…", "Teilen…"},
    {"library.storageFull",
     "This device's storage is full: your latest changes are NOT saved here. Download the board (Share → Download "
     "JSON) to keep them.",
     "Der Speicher dieses Geräts ist voll: Deine letzten Änderungen sind hier NICHT gespeichert. Lade das Board "
     "herunter (Teilen → JSON herunterladen), um sie zu behalten."},
    {"library.storageUnavailable",
     "This browser does not let Mapathy save on the device (private mode?): your boards are NOT kept after you close "
     "the page. Download the board (Share → Download JSON) to keep it.",
     "Dieser Browser lässt Mapathy nichts auf dem Gerät speichern (privater Modus?): Deine Boards sind NICHT mehr da, "
     "wenn du die Seite schließt. Lade das Board herunter (Teilen → JSON herunterladen), um es zu behalten."},
    {"library.newerBoard",
     "\"%s\" was made by a newer Mapathy (format version %s; this app reads up to version %s) and cannot be opened "
     "here. It stays on this device unchanged: update Mapathy to open it.",
     "„%s“ wurde mit einer neueren Mapathy erstellt (Formatversion %s; diese App liest bis Version %s) und lässt "
     "sich hier nicht öffnen. Es bleibt unverändert auf diesem Gerät: Aktualisiere Mapathy, um es zu öffnen."},
    {"library.newerRow", "made by a newer Mapathy (format version %s), cannot open here; kept unchanged",
     "mit einer neueren Mapathy erstellt (Formatversion %s), lässt sich hier nicht öffnen; bleibt unverändert"},
    {"library.newerLibrary",
     "The boards on this device were saved by a newer Mapathy (library version %s). This app leaves them "
     "untouched and saves nothing on this device: download your board (Share → Download JSON) to keep it.",
     "Die Boards auf diesem Gerät hat eine neuere Mapathy gespeichert (Bibliotheksversion %s). Diese App lässt sie "
     "unverändert und speichert nichts auf diesem Gerät: Lade dein Board herunter (Teilen → JSON herunterladen), "
     "um es zu behalten."},
    {"library.unreadableRow", "cannot be read; kept unchanged", "lässt sich nicht lesen; bleibt unverändert"},
    {"library.restoreFailed", "A board saved on this device could not be read and was left untouched: %s",
     "Ein auf diesem Gerät gespeichertes Board ließ sich nicht lesen und bleibt unverändert liegen: %s"},
};

}  // namespace

void registerLibraryStrings() { registerStrings(kLibraryStrings, sizeof kLibraryStrings / sizeof kLibraryStrings[0]); }

}  // namespace mapathy::ui
