// n8n-core writes its instance settings under N8N_USER_FOLDER (default ~/.n8n); keep tests off the user's home.
const os = require('os');
const path = require('path');
const fs = require('fs');

const folder = path.join(os.tmpdir(), 'n8n-nodes-chaser-jest');
fs.mkdirSync(folder, { recursive: true });
process.env.N8N_USER_FOLDER = folder;
process.env.N8N_ENCRYPTION_KEY = process.env.N8N_ENCRYPTION_KEY || 'chaser-tests-encryption-key';
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'silent'; // the engine's own logger would print every node error
