document.getElementById('app')!.textContent = 'Leap';
