import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styling/emojiFont.css';
import './styling/emojiFontMono.css';
import './calls/calls.css';
import { checkEmojiFont } from './styling/emojiSupport.ts';
import { wireEvents } from './store/wireEvents.ts';
import { wireCalls } from './calls/wireCalls.ts';
import { warmAudioWhenIdle } from './calls/warmAudio.ts';

wireEvents();
wireCalls();
void warmAudioWhenIdle();
void checkEmojiFont();
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
