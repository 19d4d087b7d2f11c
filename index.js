// n8n loads nodes and credentials from the paths in package.json's `n8n` block; nothing is exported here.
module.exports = {};
