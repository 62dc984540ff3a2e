// Renderer entry: says which language the page is in, then mounts the app.
import { mount } from 'svelte';
import App from './App.svelte';
import { language } from './lib/i18n.ts';
import './app.css';

document.documentElement.lang = language();
mount(App, { target: document.getElementById('app')! });
