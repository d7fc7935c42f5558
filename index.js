// n8n loads the package through the "n8n" section of package.json; this file only makes require() of the package harmless.
module.exports = {};
