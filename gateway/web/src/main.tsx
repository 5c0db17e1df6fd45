import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './application.css';

createRoot(document.getElementById('application')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
