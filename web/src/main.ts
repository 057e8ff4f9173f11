import './styles.css';
import { applyTheme } from './theme';
import './ui/app';

applyTheme();
