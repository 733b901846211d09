import i18n from "i18next";
import { jaMilestones } from "./jaMilestones";

// Imported by the milestone list: its words join the Japanese dictionary when the contract page loads. English, loaded
// whole when chosen, holds them already.
i18n.addResourceBundle("ja", "translation", jaMilestones, true, false);
